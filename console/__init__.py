"""Qt-free client core: API client, typed models, login and token storage, outbox, embedded launcher."""
