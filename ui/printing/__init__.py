"""Printed documents: a bill as a statement, to paper or to a PDF file."""
