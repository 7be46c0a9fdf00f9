"""Small test helpers and fakes shared by the test suite."""
