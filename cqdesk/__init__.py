"""cqdesk: an offline desktop reader for the 2025 Chongqing government work report."""

__version__ = "0.1.0"
