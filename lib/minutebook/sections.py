"""Ready-made sections for templates: ``from minutebook.sections import year_on_year``.

The code lives in :mod:`minutebook.template.sections`; this name stays because templates and
``docs/analysts.md`` use it.
"""

from .template.sections import year_on_year

__all__ = ["year_on_year"]
