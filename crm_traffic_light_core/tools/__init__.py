from . import plural
