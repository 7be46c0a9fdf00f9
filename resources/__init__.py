"""Icons (SVG), themes (QSS) and translations (Qt Linguist .ts/.qm), read with importlib.resources."""
