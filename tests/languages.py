"""Which languages the bundled texts and catalogues are complete in: what the tests require.

The app offers every language of :data:`avsec.core.i18n.LANGUAGES` (en, es, pt, fr); a text not
yet translated shows in English. The completeness tests (every catalogue message translated,
every checklist, provision and training text present, the demo report free of English) run
for each language listed here. A language joins this list in the same commit that brings its
translations: then its tests must pass, and none is ever skipped.
"""

COMPLETE_LANGUAGES: tuple[str, ...] = ("en", "es", "pt", "fr")

#: The complete languages other than English (the source language of every text).
TRANSLATED_LANGUAGES: tuple[str, ...] = tuple(lang for lang in COMPLETE_LANGUAGES if lang != "en")
