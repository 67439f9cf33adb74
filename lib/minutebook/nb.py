"""What a template notebook imports: ``from minutebook.nb import Minutes``.

The code lives in :mod:`minutebook.template.minutes`; this name stays because templates and
``docs/analysts.md`` use it.
"""

from .template.minutes import Fragment, Minutes

__all__ = ["Fragment", "Minutes"]
