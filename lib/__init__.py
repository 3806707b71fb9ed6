"""Small shared plumbing used by many apps; it imports no app of this project."""
