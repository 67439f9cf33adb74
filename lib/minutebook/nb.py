"""What a template notebook imports: ``from minutebook.nb import Minutes``.

The code lives in :mod:`minutebook.template.minutes`; this name stays because templates and
``docs/analysts.md`` use it.
"""

from .template.minutes import Fragment, Minutes

__all__ = ["AHEAD", "Fragment", "Minutes"]

# What a template that imports minutebook may import later, when it shows data: a kernel
# started ahead imports these before the meeting is known (minutebook.build.warm), which
# changes nothing a template prints, and saves a second on a meeting with a chart.
AHEAD = ("pandas", "matplotlib.figure", "matplotlib.backends.backend_svg")
