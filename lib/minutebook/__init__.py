"""minutebook: meeting minutes from YAML through Jupyter notebooks to HTML and PDF."""

__version__ = "0.1.0"
