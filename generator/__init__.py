"""Static report-comparison site generator for Chinese county government work reports."""

__version__ = "0.1.0"
