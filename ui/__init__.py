"""The PySide6 desktop console: windows, dialogs, table models, background tasks and charts."""
