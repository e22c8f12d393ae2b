"""Editing tools every app shares: the rich-text field, version history with comparison
and restore, and protection against lost edits. A library, not a layer: it imports none
of our apps, and any app may import it.
"""
