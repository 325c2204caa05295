# crm_traffic_light: the two commands a fresh machine needs are `make demo` and `make test`.
.PHONY: setup demo test test-alone upgrade-check core-tests wheels lint bench pot readme clean

setup:
	bash scripts/setup.sh

demo:
	bash scripts/demo.sh

test:
	bash scripts/test.sh

test-alone:
	bash scripts/test_alone.sh

# Parts of make test, runnable alone (after make setup).
upgrade-check:
	bash scripts/upgrade_check.sh

core-tests:
	bash scripts/core_tests.sh

wheels:
	bash scripts/wheels_check.sh

lint: setup
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

readme: setup
	.venv/bin/python scripts/gen_readme.py

pot:
	bash scripts/pot.sh

bench:
	bash scripts/bench.sh

clean:
	rm -rf .venv var
