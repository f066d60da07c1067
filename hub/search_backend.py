"""Elasticsearch settings: Wagtail's elasticsearch9 backend with French analysis.

The analyzer named "default" is used by every text field that Wagtail does not give an
analyzer of its own, so the whole index folds accents, drops elided articles ("l'", "d'")
and stems French words.
"""

FRENCH_ANALYSIS = {
    "filter": {
        "french_elision": {
            "type": "elision",
            "articles_case": True,
            "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
        },
        "french_stop": {"type": "stop", "stopwords": "_french_"},
        "french_stemmer": {"type": "stemmer", "language": "light_french"},
    },
    "analyzer": {
        "default": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["french_elision", "lowercase", "asciifolding", "french_stop", "french_stemmer"],
        },
    },
}


def elasticsearch_backend_settings(url, index="cooperer"):
    return {
        "BACKEND": "wagtail.search.backends.elasticsearch9",
        "URLS": [url],
        "INDEX": index,
        "TIMEOUT": 5,
        "INDEX_SETTINGS": {"settings": {"index": {"number_of_shards": 1}, "analysis": FRENCH_ANALYSIS}},
    }
