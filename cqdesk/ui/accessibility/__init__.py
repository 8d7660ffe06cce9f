"""Reading for everyone: large print (and, with the theme, high contrast)."""
