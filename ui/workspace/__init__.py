"""The customer workspace (DESIGN §5): header, Overview, Bills, Installments, Transactions, Notes."""

from ui.workspace.workspace import CustomerWorkspace

__all__ = ["CustomerWorkspace"]
