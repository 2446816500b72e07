"""vplint: a linter for customer value propositions, in English and Chinese."""

__version__ = "0.1.0"
