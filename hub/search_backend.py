"""Elasticsearch settings: Wagtail's elasticsearch9 backend, one index per language.

The analyzer named "default" is used by every text field that Wagtail does not give an
analyzer of its own. The French index ("default" backend) folds accents, drops elided articles
("l'", "d'") and stems French words; the English index (backend "en") drops English possessives
and stop words, folds accents and stems English words. The search service searches a language
in its own index (`hub.search.backends.search_backend_name`).
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


ENGLISH_ANALYSIS = {
    "filter": {
        "english_possessive": {"type": "stemmer", "language": "possessive_english"},
        "english_stop": {"type": "stop", "stopwords": "_english_"},
        "english_stemmer": {"type": "stemmer", "language": "english"},
    },
    "analyzer": {
        "default": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["english_possessive", "lowercase", "asciifolding", "english_stop", "english_stemmer"],
        },
    },
}


def elasticsearch_backend_settings(url, index="cooperer", analysis=None):
    return {
        "BACKEND": "wagtail.search.backends.elasticsearch9",
        "URLS": [url],
        "INDEX_PREFIX": f"{index}_",  # each model's index is named <prefix><app>_<model>
        "TIMEOUT": 5,
        "INDEX_SETTINGS": {
            "settings": {"index": {"number_of_shards": 1}, "analysis": analysis or FRENCH_ANALYSIS},
        },
    }


def elasticsearch_backends(url, index="cooperer"):
    """WAGTAILSEARCH_BACKENDS: French in "default", English in "en"."""
    return {
        "default": elasticsearch_backend_settings(url, index),
        "en": elasticsearch_backend_settings(url, f"{index}-en", ENGLISH_ANALYSIS),
    }
