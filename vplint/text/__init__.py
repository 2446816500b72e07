"""Bilingual text analysis shared by every rule: language, lexicons, numbers, time."""
