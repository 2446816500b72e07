"""Files to Documents: source readers (the Markdown model lives here)."""
