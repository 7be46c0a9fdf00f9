"""The arrangement wizard: type → terms → quote with its schedule → confirm (DESIGN §5)."""
