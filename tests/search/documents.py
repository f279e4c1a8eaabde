"""Small documents about career topics in the six languages, shared by the search tests."""

from search.backends.base import Document


def doc(key, language, title, body, *, kind="article", **fields):
    return Document(
        key=key,
        language=language,
        title=title,
        body=body,
        kind=kind,
        fields={name: list(values) for name, values in fields.items()},
        url=f"/library/{key}/",
    )


CORPUS = [
    doc(
        "en-salary",
        "en",
        "Negotiating salaries",
        "Employers expect you to discuss salaries. Research typical salaries before the interview.",
        level=["B"],
        area=["applying"],
        type=["worksheet"],
    ),
    doc(
        "en-cv",
        "en",
        "Writing a CV",
        "A clear CV lists your skills, your education and the work you have done.",
        level=["A"],
        area=["applying"],
        type=["guide"],
    ),
    doc(
        "en-network",
        "en",
        "Building a network",
        "Talk to people who work in jobs you find interesting <and> ask for advice & contacts.",
        level=["C"],
        area=["exploring"],
        type=["guide"],
    ),
    doc(
        "pt-carreira",
        "pt",
        "Planear as carreiras",
        "As carreiras mudam ao longo da vida. Pense no salary e nas competências que quer usar.",
        level=["A"],
        area=["exploring"],
        type=["worksheet"],
    ),
    doc(
        "nl-sollicitatie",
        "nl",
        "Sollicitaties voorbereiden",
        "Wie aan nieuwe loopbanen denkt, oefent sollicitaties en kent zijn sterke punten.",
        level=["B"],
        area=["applying"],
        type=["guide"],
    ),
    doc(
        "sv-arbetsgivare",
        "sv",
        "Vad arbetsgivare söker",
        "Många arbetsgivare söker personer som samarbetar väl och vill lära sig nya saker.",
        level=["B"],
        area=["exploring"],
        type=["guide"],
    ),
    doc(
        "fi-tyopaikat",
        "fi",
        "Avoimia työpaikkoja",
        "Etsi avoimia työpaikkoja verkosta ja kysy tuttaviltasi vinkkejä.",
        level=["A"],
        area=["applying"],
        type=["worksheet"],
    ),
    doc(
        "bg-kariera",
        "bg",
        "Кариерно ориентиране",
        "Кариерното ориентиране помага да изберете професия и обучение.",
        level=["A"],
        area=["exploring"],
        type=["guide"],
    ),
]
