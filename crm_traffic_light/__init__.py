# The umbrella of the Customer Traffic Light addons: installing it installs them all.
