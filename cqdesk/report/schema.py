"""The database schema version, shared by the build and the reader (the reader never imports the build)."""

SCHEMA_VERSION = 2  # 2: search_grams (ranked short substrings) replaced search_chars

# The longest substrings search_grams holds; longer terms are bounded by their trigrams.
GRAM_MAX = 3
