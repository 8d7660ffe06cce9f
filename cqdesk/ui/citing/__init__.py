"""Citing: the section in view as a reference for the reader's bibliography (Edit › Copy Reference)."""
