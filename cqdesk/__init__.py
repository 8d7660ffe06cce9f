"""cqdesk: an offline desktop reader for the 2025 Chongqing government work report."""

__version__ = "0.1.0"

# The window icon's sizes (resources/icons/cqdesk-N.png): the app loads these, the installers carry these.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
