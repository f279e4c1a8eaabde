"""The contract every search backend keeps, run against tantivy, Whoosh and PostgreSQL."""

import pytest

from tests.search.documents import CORPUS, doc


@pytest.fixture
def indexed(backend):
    backend.index(CORPUS)
    return backend


def keys(results):
    return [hit.key for hit in results.hits]


def test_query_finds_an_indexed_document(indexed):
    results = indexed.query("interview", language="en")

    assert keys(results) == ["en-salary"]
    assert results.total == 1
    hit = results.hits[0]
    assert (hit.title, hit.language, hit.url) == (
        "Negotiating salaries",
        "en",
        "/library/en-salary/",
    )


def test_a_backend_opened_again_on_its_path_finds_the_documents(indexed):
    again = type(indexed)(path=indexed.path)

    assert keys(again.query("interview", language="en")) == ["en-salary"]


def test_indexing_a_key_again_replaces_the_document(indexed):
    indexed.index([doc("en-cv", "en", "Writing a résumé", "Keep it to one page.")])

    assert keys(indexed.query("education", language="en")) == []
    assert keys(indexed.query("page", language="en")) == ["en-cv"]


def test_delete_removes_the_document(indexed):
    indexed.delete(["en-cv", "no-such-key"])

    assert keys(indexed.query("skills", language="en")) == []


def test_clear_removes_everything(indexed):
    indexed.clear()

    assert indexed.query("", language="en").total == 0


@pytest.mark.parametrize(
    ("language", "word", "key"),
    [
        ("en", "salary", "en-salary"),
        ("pt", "carreira", "pt-carreira"),
        ("nl", "loopbaan", "nl-sollicitatie"),
        ("sv", "arbetsgivaren", "sv-arbetsgivare"),
        ("fi", "työpaikka", "fi-tyopaikat"),
    ],
)
def test_words_are_stemmed_in_their_language(indexed, language, word, key):
    assert key in keys(indexed.query(word, language=language))


def test_bulgarian_matches_case_insensitively(indexed):
    assert keys(indexed.query("ПРОФЕСИЯ", language="bg")) == ["bg-kariera"]


def test_results_in_the_query_language_rank_first(indexed):
    results = indexed.query("salary", language="pt")

    assert keys(results) == ["pt-carreira", "en-salary"]
    assert [hit.language for hit in results.hits] == ["pt", "en"]


def test_filters_combine_with_and_across_facets(indexed):
    results = indexed.query("", language="en", filters={"level": ["A"], "area": ["applying"]})

    assert sorted(keys(results)) == ["en-cv", "fi-tyopaikat"]


def test_filters_combine_with_or_within_a_facet(indexed):
    results = indexed.query("", language="en", filters={"level": ["B", "C"], "type": ["guide"]})

    assert sorted(keys(results)) == ["en-network", "nl-sollicitatie", "sv-arbetsgivare"]


def test_total_counts_only_the_filtered_matches_of_a_text_query(indexed):
    # enough other matches for Whoosh to skip blocks, where it once counted without the filter
    indexed.index(
        [
            doc(f"en-pay-{n}", "en", f"Pay scale {n}", "What a salary buys.", area=["applying"])
            for n in range(50)
        ]
    )

    results = indexed.query("salary", language="en", filters={"area": ["exploring"]})

    assert keys(results) == ["pt-carreira"]
    assert results.total == 1


def test_total_counts_every_match_beyond_the_page(indexed):
    filler = " ".join(f"word{n}" for n in range(60))
    indexed.index(
        [doc(f"en-pay-{n}", "en", f"Salary guide {n}", "Salary bands.") for n in range(25)]
        + [doc(f"en-other-{n}", "en", f"Other {n}", f"{filler} salary {filler}") for n in range(25)]
    )

    results = indexed.query("salary", language="en", limit=20)

    assert len(results.hits) == 20
    assert results.total == 52  # with the corpus's en-salary and pt-carreira


def test_facet_counts_apply_the_query_and_the_other_facets_filters(indexed):
    results = indexed.query(
        "", language="en", filters={"area": ["applying"], "level": ["A"]}, facets=["level", "type"]
    )

    assert results.facets["level"] == {"A": 2, "B": 2}
    assert results.facets["type"] == {"guide": 1, "worksheet": 1}


def test_facet_counts_follow_the_query_text(indexed):
    results = indexed.query("salaries", language="en", facets=["area"])

    assert results.facets == {"area": {"applying": 1}}


def test_snippets_escape_html_and_mark_the_match(indexed):
    snippet = indexed.query("advice", language="en").hits[0].snippet

    assert "<mark>advice</mark>" in snippet
    assert "&lt;and&gt;" in snippet
    assert "&amp;" in snippet
    assert "<and>" not in snippet


def test_suggest_completes_titles_from_a_prefix(indexed):
    assert indexed.suggest("negot", language="en") == ["Negotiating salaries"]
    assert indexed.suggest("writing a c", language="en") == ["Writing a CV"]


def test_suggest_lists_titles_in_the_language_first(indexed):
    indexed.index([doc("pt-sal", "pt", "Salários justos", "Sobre salários.")])

    assert indexed.suggest("sal", language="pt") == ["Salários justos", "Negotiating salaries"]


def test_did_you_mean_corrects_a_typo(indexed):
    assert indexed.did_you_mean("salaires", language="en") == "salaries"


def test_did_you_mean_is_none_when_every_word_is_known(indexed):
    assert indexed.did_you_mean("salaries interview", language="en") is None


def test_pagination_slices_the_ranked_results(indexed):
    everything = keys(indexed.query("", language="en", limit=20))
    page = indexed.query("", language="en", limit=3, offset=2)

    assert page.total == len(CORPUS)
    assert keys(page) == everything[2:5]


def test_pagination_crosses_from_the_language_to_the_others(indexed):
    full = keys(indexed.query("salary", language="pt"))

    assert keys(indexed.query("salary", language="pt", limit=1, offset=1)) == full[1:]


def test_empty_text_with_filters_lists_by_title(indexed):
    results = indexed.query("", language="en", filters={"area": ["applying"]})

    assert keys(results) == ["en-salary", "en-cv", "fi-tyopaikat", "nl-sollicitatie"]


def test_listing_ignores_case_and_orders_equal_titles_by_key(indexed):
    indexed.index(
        [
            doc("en-b", "en", "writing a cv", "Lower case.", area=["transitions"]),
            doc("en-a", "en", "Writing a CV", "Same title.", area=["transitions"]),
            doc("en-c", "en", "Ärende", "Starts with a letter beyond z.", area=["transitions"]),
            doc("en-d", "en", "apprenticeships", "Lower case, first.", area=["transitions"]),
        ]
    )

    results = indexed.query("", language="en", filters={"area": ["transitions"]})

    assert keys(results) == ["en-d", "en-a", "en-b", "en-c"]
