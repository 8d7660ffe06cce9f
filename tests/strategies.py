"""Hypothesis strategies shared by the fuzz tests."""

from hypothesis import strategies as st

# Any code point, lone surrogates included (they can reach the app from a clipboard on Windows).
ANY_CHAR = st.characters(codec=None, categories=None)
