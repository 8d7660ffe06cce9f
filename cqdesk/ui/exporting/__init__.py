"""Exporting the chosen sections to Word, OpenDocument, Markdown, HTML and text."""
