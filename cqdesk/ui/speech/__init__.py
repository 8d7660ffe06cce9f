"""Reading aloud (朗读) with Qt's own text-to-speech."""
