"""Text handling that never touches the UI: sanitising untrusted text,
normalising for search."""
