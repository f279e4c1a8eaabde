"""Benchmark of the search issue (5): index build time and query latency of every search
backend on the same generated library of resources in the six languages, in one run.

    .venv/bin/python -m benchmarks.search [--documents N] [--backends tantivy,whoosh,postgres]
                                          [--queries Q] [--warmup W] [--batch B]

The documents are generated from a seeded per-language vocabulary of career words, with the
facet fields the library filters on. Every query filters on `shown_in` and `kind` as the
library page does; the same mix runs once asking for the library's five facet counts and once
without. The PostgreSQL backend needs DATABASE_URL=postgres://...: it gets a throwaway database
next to that one, dropped at the end; without it that backend is skipped, with the reason.

It reports, it does not gate: the exit status is 0 whether or not the target is met, 2 when the
run could not be set up. benchmarks/README.md explains the table."""

import argparse
import itertools
import os
import random
import shutil
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from . import learners
from .learners import BenchmarkError, step
from .stats import align, percentile, ratio

BACKENDS = {
    "tantivy": "search.backends.tantivy",
    "whoosh": "search.backends.whoosh",
    "postgres": "search.backends.postgres",
}
LANGUAGES = ("en", "pt", "nl", "sv", "fi", "bg")
LANGUAGE_SHARE = (0.25, 0.15, 0.15, 0.15, 0.15, 0.15)
TARGET_P95_MS = 20.0
TARGET_DOCUMENTS = 100_000
# the library's facets and values, as library/constants.py and content/constants.py have them
FACETS = ("type", "level", "area", "rlang", "licence")
TYPES = ("worksheet", "guide", "video", "podcast", "tool", "link", "template")
TYPE_SHARE = (0.25, 0.25, 0.15, 0.08, 0.1, 0.12, 0.05)
LEVELS = ("A", "B", "C")
AREAS = ("self-awareness", "exploring", "applying", "transitions")
LICENCES = ("CC-BY-SA-4.0", "CC-BY-4.0", "CC0-1.0", "all-rights-reserved")
LICENCE_SHARE = (0.55, 0.2, 0.1, 0.15)
SHOWN_EVERYWHERE = 0.1  # share of resources the library shows in all six languages
OTHER_RESOURCE_LANGUAGE = 0.15  # share written in another language than the page's (mostly en)

# A few hundred words per language that career-guidance resources use, with inflected forms
# (plural, definite, case endings, verb forms): the stemmers get real work. The short words
# first are the language's most frequent ones; the rest get a Zipf frequency in a seeded order.
FUNCTION_WORDS = {
    "en": "the a and of to in for with on you your is are can how what when this that it as "
    "about more be we our",
    "pt": "o a os as de do da dos das e em no na um uma para com por que como seu sua se mais "
    "sobre ao você",
    "nl": "de het een en of van te in voor met op bij uit je jouw we ons is zijn kan hoe wat "
    "wanneer dit dat niet meer over",
    "sv": "och att det som en ett i på för med av till om du vi är kan hur vad när varför inte "
    "mer din ditt",
    "fi": "ja on ei se että kun tai mitä miten miksi sinä me olet voit myös tämä kanssa jos "
    "sekä enemmän sinun",
    "bg": "и в на за с от да се как какво кога защо не по към е са можете вашия вашата това "
    "ние вие",
}
CAREER_WORDS = {
    "en": """
career careers job jobs work works working worked worker workers workplace employer employers
employee employees employment unemployment unemployed interview interviews interviewing
interviewer interviewers salary salaries pay paid payslip wage wages income skill skills skilled
training trained trainee trainees apprenticeship apprenticeships apprentice apprentices
education course courses learning learner learners learn learned study studies studying student
students school schools university universities college colleges degree degrees qualification
qualifications certificate certificates diploma experience experienced experiences volunteer
volunteers volunteering internship internships intern interns network networks networking
contact contacts reference references referee application applications apply applying applied
applicant applicants vacancy vacancies position positions role roles offer offers contract
contracts temporary permanent shift shifts overtime manager managers management team teams
teamwork colleague colleagues leader leadership supervisor mentor mentors mentoring coaching coach
guidance counsellor counsellors counselling adviser advice plan plans planning goal goals
decision decisions choice choices option options strength strengths weakness weaknesses interest
interests value values motivation motivated confidence confident communication communicate
presentation presentations portfolio cv résumé letter letters cover profile profiles online
digital recruiter recruiters recruitment agency agencies sector sectors industry industries
company companies business businesses entrepreneur entrepreneurship freelance freelancer startup
promotion promotions progression change changes changing changed transition transitions
redundancy retirement retire retired pension balance wellbeing stress health flexible remote
hybrid commute relocation abroad mobility language languages assessment assessments test tests
aptitude personality feedback review reviews appraisal negotiate negotiating negotiation rights
union unions law discrimination equality inclusion disability accessible young youth graduate
graduates graduation adult adults parent parents returner caring future labour market markets
trend trends demand green technology technical engineering healthcare nursing teaching teacher
teachers retail hospitality construction logistics finance administration office sales customer
customers service services care creative design research science marketing agriculture tourism
transport manufacturing
""",
    "pt": """
carreira carreiras emprego empregos desemprego desempregado desempregados trabalho trabalhos
trabalhar trabalhando trabalhei trabalha trabalhador trabalhadores empregador empregadores
empresa empresas entrevista entrevistas entrevistador entrevistadores salário salários
remuneração ordenado ordenados competência competências habilidade habilidades formação
formações curso cursos aprendizagem aprender aprendiz aprendizes estágio estágios estagiário
estagiários estudante estudantes estudar estudos escola escolas universidade universidades
faculdade diploma diplomas certificado certificados qualificação qualificações experiência
experiências experiente voluntariado voluntário voluntários rede redes contacto contactos
referência referências candidatura candidaturas candidatar candidato candidatos vaga vagas
cargo cargos função funções oferta ofertas contrato contratos temporário permanente turno turnos
chefe chefes gestor gestores gestão equipa equipas colega colegas liderança líder líderes mentor
mentoria orientação orientador orientadores conselheiro conselho conselhos plano planos planear
objetivo objetivos decisão decisões escolha escolhas opção opções forte fortes fraquezas
interesse interesses valores motivação motivado motivada confiança comunicação comunicar
apresentação apresentações portefólio currículo currículos carta cartas perfil perfis digital
recrutador recrutadores recrutamento agência agências setor setores indústria negócio negócios
empreendedor empreendedora empreendedorismo independente promoção promoções progressão mudança
mudanças mudar transição transições despedimento reforma reformado pensão equilíbrio bem-estar
stress saúde flexível remoto horário horários deslocação estrangeiro mobilidade língua línguas
avaliação avaliações teste testes aptidão personalidade negociar negociação direitos sindicato
sindicatos lei discriminação igualdade inclusão deficiência acessível jovem jovens licenciado
licenciados adulto adultos pais cuidar cuidados futuro mercado mercados tendência tendências
procura tecnologia tecnologias técnico técnica engenharia enfermagem ensino professor professores
comércio hotelaria construção logística finanças administração escritório vendas cliente clientes
serviço serviços criativo criatividade investigação ciência marketing agricultura turismo
transportes produção
""",
    "nl": """
loopbaan loopbanen carrière baan banen werk werken werkt werkte gewerkt werknemer werknemers
werkgever werkgevers werkplek werkplekken werkloos werkloosheid sollicitatie sollicitaties
solliciteren solliciteert sollicitant sollicitanten gesprek gesprekken salaris salarissen loon
lonen inkomen vaardigheid vaardigheden opleiding opleidingen cursus cursussen leren leerling
leerlingen leerbaan stage stages stagiair stagiairs student studenten studie studies studeren
school scholen universiteit hogeschool diploma diploma certificaat certificaten kwalificatie
kwalificaties ervaring ervaringen ervaren vrijwilliger vrijwilligers vrijwilligerswerk netwerk
netwerken contact contacten referentie referenties vacature vacatures functie functies rol
rollen aanbod contract contracten tijdelijk vast dienst diensten overuren leidinggevende
manager managers team teams samenwerken samenwerking collega leiderschap begeleider begeleiders
mentor coach coaching begeleiding loopbaanbegeleiding adviseur adviseurs advies plan plannen
planning doel doelen beslissing beslissingen keuze keuzes optie opties sterke punten zwakte
zwaktes interesse interesses waarden motivatie gemotiveerd zelfvertrouwen communicatie
communiceren presentatie presentaties portfolio cv brief brieven motivatiebrief profiel profielen
digitaal digitale recruiter werving uitzendbureau sector sectoren branche bedrijf bedrijven
onderneming ondernemer ondernemers ondernemerschap zzp freelancer promotie doorgroeien overstap
verandering veranderingen veranderen overgang ontslag pensioen gepensioneerd balans welzijn
stress gezondheid flexibel thuiswerken reizen verhuizen buitenland mobiliteit taal talen
beoordeling beoordelingen toets toetsen aanleg persoonlijkheid feedback functioneringsgesprek
onderhandelen onderhandeling rechten vakbond vakbonden wet discriminatie gelijkheid inclusie
beperking toegankelijk jongeren jongere afgestudeerd afgestudeerden volwassene volwassenen
ouders zorg toekomst arbeidsmarkt markt markten trend trends vraag techniek technologie technisch
technische zorgsector verpleging onderwijs leraar leraren docent docenten detailhandel horeca
bouw logistiek financiën administratie kantoor verkoop klant klanten dienstverlening creatief
creatieve ontwerp onderzoek wetenschap marketing landbouw toerisme vervoer productie
""",
    "sv": """
karriär karriären karriärer jobb jobbet jobba jobbar arbete arbetet arbeten arbeta arbetar
arbetade arbetstagare arbetsgivare arbetsgivaren arbetsgivarna arbetsplats arbetsplatsen
arbetslös arbetslöshet anställning anställningar anställd anställda intervju intervjun intervjuer
anställningsintervju lön lönen löner inkomst kompetens kompetenser färdighet färdigheter
utbildning utbildningen utbildningar kurs kurser kursen lärande lära lärling lärlingar praktik
praktikplats praktikant student studenter studier studera skola skolan skolor universitet
högskola examen betyg certifikat behörighet erfarenhet erfarenheter erfaren volontär volontärer
volontärarbete nätverk nätverka nätverkande kontakt kontakter referens referenser ansökan
ansökningar ansöka söka söker sökande ledig lediga tjänst tjänster tjänsten roll roller
erbjudande avtal kontrakt tillfällig fast skift övertid chef chefer ledning team lag samarbete
kollega kollegor ledarskap handledare mentor coachning vägledning studievägledare rådgivare råd
plan planer planering mål beslut val alternativ styrkor svagheter intresse intressen värderingar
motivation motiverad självförtroende kommunikation kommunicera presentation presentationer
portfolio cv brev personligt profil profiler digital digitala rekryterare rekrytering
bemanningsföretag sektor bransch branscher företag företaget företagare entreprenör
egenföretagare befordran utveckling förändring förändringar byta övergång uppsägning pension
pensionär balans välmående stress hälsa flexibel distans pendla flytta utomlands rörlighet språk
bedömning test tester lämplighet personlighet återkoppling utvecklingssamtal förhandla
förhandling rättigheter fackförening facket diskriminering jämställdhet inkludering
funktionsnedsättning tillgänglig ung unga ungdomar nyutexaminerad vuxen vuxna föräldrar omsorg
framtid framtiden arbetsmarknad arbetsmarknaden marknad trender efterfrågan teknik teknisk vård
sjuksköterska undervisning lärare lärarna handel restaurang bygg logistik ekonomi administration
kontor försäljning kund kunder service kreativ design forskning vetenskap marknadsföring jordbruk
turism transport tillverkning
""",
    "fi": """
ura uran uralla uraa urat ammatti ammatin ammatit ammatteja työ työn työtä töitä työssä työt
työpaikka työpaikan työpaikat työpaikkoja työpaikalla työntekijä työntekijät työntekijöitä
työnantaja työnantajan työnantajat työnantajia työtön työttömyys työllisyys haastattelu
haastattelun haastatteluun haastatteluja työhaastattelu palkka palkan palkkaa palkat tulot
osaaminen osaamisen osaamista taito taidot taitoja taitojen koulutus koulutuksen koulutukseen
koulutuksia kurssi kurssit kursseja oppiminen oppia oppisopimus oppisopimuskoulutus harjoittelu
harjoittelija harjoittelupaikka opiskelija opiskelijat opiskelu opiskella koulu koulun koulut
yliopisto yliopiston ammattikorkeakoulu tutkinto tutkinnon tutkintoja todistus todistukset
pätevyys kokemus kokemusta kokemukset kokenut vapaaehtoinen vapaaehtoistyö verkosto verkostot
verkostoituminen yhteys yhteystiedot suosittelija suositus hakemus hakemuksen hakemuksia hakea
haku hakija hakijat avoin avoimia avoimet tehtävä tehtävät tehtävään rooli tarjous sopimus
sopimuksen määräaikainen vakituinen vuoro vuorot ylityö esimies esihenkilö johto tiimi tiimit
tiimityö kollega kollegat johtajuus mentori valmennus ohjaus uraohjaus neuvoja neuvonta
suunnitelma suunnitelmat suunnittelu tavoite tavoitteet tavoitteita päätös päätökset valinta
valinnat vaihtoehto vaihtoehdot vahvuus vahvuudet vahvuuksia heikkoudet kiinnostus kiinnostuksen
arvot motivaatio motivoitunut itseluottamus viestintä esitys esitykset portfolio ansioluettelo
ansioluettelon hakukirje kirje profiili digitaalinen rekrytoija rekrytointi henkilöstöpalvelu
ala alan alat alalla teollisuus yritys yrityksen yritykset yrittäjä yrittäjyys ylennys eteneminen
muutos muutokset muuttaa siirtymä irtisanominen eläke eläkkeelle eläkeläinen tasapaino
hyvinvointi stressi terveys joustava etätyö matka muutto ulkomailla liikkuvuus kieli kielet
kielitaito arviointi testi testit soveltuvuus persoonallisuus palaute kehityskeskustelu
neuvotella neuvottelu oikeudet ammattiliitto laki syrjintä yhdenvertaisuus osallisuus
saavutettava nuori nuoret nuorten valmistunut aikuinen aikuiset vanhemmat hoiva tulevaisuus
työmarkkinat markkinat kysyntä tekniikka teknologia tekninen hoitoala sairaanhoitaja opetus
opettaja opettajat kauppa ravintola rakentaminen logistiikka talous hallinto toimisto myynti
asiakas asiakkaat palvelu palvelut luova muotoilu tutkimus tiede markkinointi maatalous matkailu
kuljetus tuotanto
""",
    "bg": """
кариера кариерата кариери кариерно кариерното професия професията професии работа работата
работи работя работник работници работодател работодателя работодателят работодатели място
безработен безработица заетост интервю интервюто интервюта събеседване заплата заплатата
заплати възнаграждение доход умение умения уменията компетентност компетентности обучение
обучението обучения курс курсове курса учене стаж стажант стажанти стажове студент студенти
следване училище училища университет колеж диплома дипломи сертификат сертификати квалификация
квалификации опит опита опитен доброволец доброволци доброволчество мрежа мрежи контакт контакти
препоръка препоръки кандидатура кандидатстване кандидатствам кандидат кандидати свободна
позиция позиции позицията длъжност длъжности роля оферта договор договори временен постоянен
смяна смени извънреден мениджър ръководител ръководство екип екипи екипна колега колеги
лидерство наставник наставничество коучинг ориентиране консултант съвет съвети план планове
планиране цел цели решение решения избор възможност възможности силни слаби страни интерес
интереси ценности мотивация мотивиран увереност комуникация общуване презентация презентации
портфолио автобиография мотивационно писмо профил профили дигитален дигитални рекрутър подбор
агенция сектор сектори индустрия фирма фирми компания компании бизнес предприемач
предприемачество повишение развитие промяна промени преход съкращение пенсия пенсиониране
пенсионер баланс благосъстояние стрес здраве гъвкав дистанционна пътуване чужбина мобилност
език езици оценка оценяване тест тестове личност обратна връзка преговори права синдикат закон
дискриминация равенство приобщаване увреждане достъпен младежи млад млади завършил възрастни
родители грижа бъдеще пазар пазара тенденции търсене технологии техника инженерство
здравеопазване медицинска сестра образование учител учители търговия ресторантьорство
строителство логистика финанси администрация офис продажби клиент клиенти услуги творчески
дизайн изследвания наука маркетинг земеделие туризъм транспорт производство
""",
}

# Per language: two one-word queries, a two-word one, one with a typo, and the words of the
# two filtered queries. The forms differ from the indexed ones where a stemmer should help.
QUERY_WORDS = {
    "en": ("salary", "apprenticeships", "job interview", "intervew", "training", "team skills"),
    "pt": ("carreira", "entrevistas", "salário competências", "entrevsta", "estágio", "cursos"),
    "nl": ("loopbaan", "sollicitaties", "werkgever vacature", "vardigheden", "opleiding", "cv"),
    "sv": ("karriären", "arbetsgivare", "lön utbildning", "intrevju", "kurser", "nätverk"),
    "fi": ("työpaikka", "koulutus", "palkka taidot", "haastatelu", "ura", "kokemus"),
    "bg": ("кариера", "заплати", "работа умения", "обученйе", "интервю", "стаж"),
}


@dataclass(frozen=True)
class Query:
    kind: str
    language: str
    text: str
    filters: dict
    offset: int = 0


KINDS = ("one word", "two words", "typo", "words + filters", "listing", "listing + filters")


def query_mix():
    """The fixed mix: eight queries per language, each as the library page would send it."""
    mix = []
    for language, (one, other, two, typo, filtered, filtered2) in QUERY_WORDS.items():
        page = {"shown_in": [language], "kind": ["resource"]}
        mix += [
            Query("one word", language, one, page),
            Query("one word", language, other, page),
            Query("two words", language, two, page),
            Query("typo", language, typo, page),
            Query("words + filters", language, filtered, {**page, "type": ["guide"]}),
            Query(
                "words + filters",
                language,
                filtered2,
                {**page, "level": ["B"], "area": ["applying", "exploring"]},
            ),
            Query("listing", language, "", page),
            Query(
                "listing + filters",
                language,
                "",
                {**page, "type": ["worksheet", "guide"], "level": ["A"]},
                offset=20,
            ),
        ]
    return mix


# --- the documents


class Vocabulary:
    """A language's words with a Zipf frequency: function words first, then the career words
    in a seeded order, so every language has common and rare words."""

    def __init__(self, language, rng):
        function = FUNCTION_WORDS[language].split()
        career = list(dict.fromkeys(CAREER_WORDS[language].split()))
        rng.shuffle(career)
        self.words = function + career
        self.career = career
        self.cum_all = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(self.words))))
        self.cum_career = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(career))))


def generate(count, *, seed):
    """`count` resources: the same seed gives the same documents, and a smaller count the first
    of them (so a backend measured at a smaller N indexes a prefix of the same library)."""
    from search.backends.base import Document

    rng = random.Random(seed)
    vocabularies = {language: Vocabulary(language, rng) for language in LANGUAGES}
    documents = []
    for number in range(count):
        language = rng.choices(LANGUAGES, LANGUAGE_SHARE)[0]
        words = vocabularies[language]
        title_words = rng.choices(words.career, cum_weights=words.cum_career, k=rng.randint(2, 7))
        title = " ".join(title_words)
        sentences = []
        for _sentence in range(rng.randint(4, 14)):
            sentence = rng.choices(words.words, cum_weights=words.cum_all, k=rng.randint(6, 16))
            sentences.append(" ".join(sentence).capitalize() + ".")
        documents.append(
            Document(
                key=f"resource-{number:06d}",
                language=language,
                title=title[:1].upper() + title[1:],
                body=" ".join(sentences),
                kind="resource",
                fields=facet_fields(rng, language),
                url=f"/{language}/library/resource-{number:06d}/",
            )
        )
    return documents


def facet_fields(rng, language):
    """The facet values the library indexes for a resource, and where it is shown."""
    written_in = language
    if rng.random() < OTHER_RESOURCE_LANGUAGE:
        written_in = "en" if language != "en" and rng.random() < 0.7 else rng.choice(LANGUAGES)
    everywhere = rng.random() < SHOWN_EVERYWHERE
    return {
        "type": [rng.choices(TYPES, TYPE_SHARE)[0]],
        "level": sorted(rng.sample(LEVELS, 1 if rng.random() < 0.7 else 2)),
        "area": sorted(rng.sample(AREAS, 1 if rng.random() < 0.7 else 2)),
        "rlang": [written_in],
        "licence": [rng.choices(LICENCES, LICENCE_SHARE)[0]],
        "kind": ["resource"],
        "shown_in": list(LANGUAGES) if everywhere else [language],
    }


# --- measuring one backend


@dataclass
class Measured:
    backend: str
    documents: int
    build_seconds: float = 0.0
    with_facets: list = field(default_factory=list)  # seconds, in mix order, every pass
    without_facets: list = field(default_factory=list)
    did_you_mean: list = field(default_factory=list)
    by_kind: dict = field(default_factory=dict)  # kind -> seconds, with facets
    matches: dict = field(default_factory=dict)  # position in the mix -> total found
    note: str = ""

    @property
    def docs_per_second(self):
        return self.documents / self.build_seconds if self.build_seconds else 0.0


def build(engine, documents, *, batch, label):
    from tqdm import tqdm

    started = time.perf_counter()
    with tqdm(
        total=len(documents),
        desc=f"indexing {label}",
        unit="doc",
        unit_scale=True,
        file=sys.stderr,
        mininterval=2.0,
        dynamic_ncols=True,
    ) as progress:
        for start in range(0, len(documents), batch):
            chunk = documents[start : start + batch]
            engine.index(chunk)
            progress.update(len(chunk))
    return time.perf_counter() - started


def run_query(engine, query, facets):
    started = time.perf_counter()
    results = engine.query(
        query.text,
        language=query.language,
        filters=query.filters,
        facets=facets,
        limit=20,
        offset=query.offset,
    )
    return time.perf_counter() - started, results


def measure_queries(engine, measured, mix, *, queries, warmup):
    """Warm up over the mix, then time `queries` queries in each mode, taking turns pass by
    pass (with facet counts, then without) so a noisy neighbour hits both modes alike."""
    for number in range(warmup):
        query = mix[number % len(mix)]
        _seconds, results = run_query(engine, query, FACETS)
        if query.kind != "typo" and query.offset == 0 and not results.hits:
            raise BenchmarkError(f"{measured.backend}: no hit for {query}: nothing is measured")
    done = 0
    while done < queries:
        chunk = mix[: min(len(mix), queries - done)]
        for position, query in enumerate(chunk):
            seconds, results = run_query(engine, query, FACETS)
            measured.with_facets.append(seconds)
            measured.by_kind.setdefault(query.kind, []).append(seconds)
            measured.matches[position] = results.total
        for query in chunk:
            seconds, _results = run_query(engine, query, ())
            measured.without_facets.append(seconds)
        for query in chunk:
            if query.kind == "typo":
                started = time.perf_counter()
                engine.did_you_mean(query.text, language=query.language)
                measured.did_you_mean.append(time.perf_counter() - started)
        done += len(chunk)
        step(f"{measured.backend}: {done} of {queries} queries in each mode")


def measure_backend(name, documents, mix, args, directory):
    from search.backends import get_backend

    path = Path(directory) / f"index-{name}"
    engine = get_backend(backend=BACKENDS[name], path=path)
    measured = Measured(backend=name, documents=len(documents))
    try:
        engine.clear()
        step(f"{name}: indexing {len(documents):,} documents in batches of {args.batch:,}")
        measured.build_seconds = build(engine, documents, batch=args.batch, label=name)
        step(
            f"{name}: built in {measured.build_seconds:.1f} s "
            f"({measured.docs_per_second:,.0f} docs/s); {args.warmup} warm-up queries"
        )
        measure_queries(engine, measured, mix, queries=args.queries, warmup=args.warmup)
    finally:
        del engine
        shutil.rmtree(path, ignore_errors=True)
    return measured


# --- the report


def ms(seconds_list, q):
    return percentile(seconds_list, q) * 1000 if seconds_list else None


def _cell(value, digits=1):
    return "-" if value is None else f"{value:,.{digits}f}"


def listing_agreement(results, mix):
    """The listings (no query text) must count the same documents in every backend that
    indexed as many: a check that each one did the work being timed. Text queries may differ,
    each backend stems in its own way."""
    listings = [n for n, query in enumerate(mix) if not query.text]
    groups = {}
    for m in results:
        groups.setdefault(m.documents, []).append(m)
    differ = [
        f"{', '.join(m.backend for m in group)} at {documents:,}"
        for documents, group in groups.items()
        if len({tuple(m.matches.get(n) for n in listings) for m in group}) > 1
    ]
    if differ:
        return f"Listing totals DIFFER between backends: {'; '.join(differ)}"
    return "Listing totals (no query text) agree between the backends that indexed as many."


def report(results, skipped, args, mix):
    lines = [
        f"Pontes search benchmark: {args.documents:,} resources in {len(LANGUAGES)} languages "
        f"(seed {args.seed}), batches of {args.batch:,}; per backend {args.warmup} warm-up "
        f"queries, then {args.queries} queries with the {len(FACETS)} facet counts and "
        f"{args.queries} without (a mix of {len(mix)}), every query filtered on shown_in and "
        "kind; milliseconds",
        "",
    ]
    baseline = next((m for m in results if m.backend == "tantivy"), results[0])
    header = (
        "backend",
        "documents",
        "build s",
        "docs/s",
        "facets p50",
        "facets p95",
        "plain p50",
        "plain p95",
        "did-you-mean p95",
        f"build vs {baseline.backend}",
        f"facets p95 vs {baseline.backend}",
    )
    rows = []
    for m in results:
        p95 = ms(m.with_facets, 95)
        rows.append(
            (
                m.backend,
                f"{m.documents:,}",
                _cell(m.build_seconds),
                _cell(m.docs_per_second, 0),
                _cell(ms(m.with_facets, 50)),
                _cell(p95),
                _cell(ms(m.without_facets, 50)),
                _cell(ms(m.without_facets, 95)),
                _cell(ms(m.did_you_mean, 95)),
                _cell(ratio(m.build_seconds, baseline.build_seconds), 2),
                _cell(ratio(p95, ms(baseline.with_facets, 95)), 2),
            )
        )
    lines += align(header, rows)
    lines += ["", "p95 with the facet counts, by kind of query:", ""]
    lines += align(
        ("backend", *KINDS, "matches"),
        [
            (
                m.backend,
                *(_cell(ms(m.by_kind.get(kind, []), 95)) for kind in KINDS),
                f"{sum(m.matches.values()):,}",
            )
            for m in results
        ],
    )
    lines.append("")
    lines.append(listing_agreement(results, mix))
    for m in results:
        if m.note:
            lines.append(f"{m.backend}: {m.note}")
    for name, reason in skipped.items():
        lines.append(f"{name}: skipped: {reason}")
    tantivy = next((m for m in results if m.backend == "tantivy"), None)
    if tantivy is None:
        lines.append("Target: not measured (tantivy was not run)")
    else:
        p95 = ms(tantivy.with_facets, 95)
        at = f" at {tantivy.documents:,} documents" if tantivy.documents != TARGET_DOCUMENTS else ""
        verdict = "met" if p95 < TARGET_P95_MS else "NOT met"
        if tantivy.documents < TARGET_DOCUMENTS:
            verdict = "not measured"
        lines.append(
            f"Target: tantivy query p95 with the facet counts < {TARGET_P95_MS:.0f} ms at "
            f"{TARGET_DOCUMENTS:,} documents: {verdict} ({p95:.1f} ms{at})"
        )
    return "\n".join(lines)


# --- the command


def database(args, directory):
    """(DATABASE_URL, drop, reason): a throwaway PostgreSQL database when the postgres backend
    is asked for and DATABASE_URL names PostgreSQL, else a SQLite file nobody writes to (the
    tantivy and Whoosh backends only need Django's settings) and why postgres is skipped."""
    base = os.environ.get("DATABASE_URL", "")
    if "postgres" in args.backends:
        if base.startswith(("postgres://", "postgresql://")):
            url, drop = throwaway_postgres(base, directory)
            return url, drop, None
        reason = "DATABASE_URL does not name a PostgreSQL database (postgres://user@host/name)"
        url, drop = learners.throwaway_database("sqlite", directory)
        return url, drop, reason
    url, drop = learners.throwaway_database("sqlite", directory)
    return url, drop, None


def throwaway_postgres(base, directory):
    """learners.throwaway_database, which connects to the database DATABASE_URL names; when
    that one does not exist (the tests' pontes_dev is only a name to derive test_pontes_dev
    from), it creates the throwaway one from the "postgres" database, as Django's tests do."""
    try:
        return learners.throwaway_database("postgres", directory)
    except BenchmarkError as error:
        if "does not exist" not in str(error):
            raise
    parts = urllib.parse.urlsplit(base)
    os.environ["DATABASE_URL"] = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    try:
        return learners.throwaway_database("postgres", directory)
    finally:
        os.environ["DATABASE_URL"] = base


def setup_django(*, postgres):
    import logging

    import django

    django.setup()
    logging.disable(logging.INFO)
    if postgres:
        from django.db import connection

        from search.models import SearchEntry

        # only the search table (and its indexes, as its migration makes them): `migrate`
        # would build the whole site, and its post-migrate hooks need every table
        step("creating the search table in the throwaway PostgreSQL database")
        with connection.schema_editor() as editor:
            editor.create_model(SearchEntry)


def benchmark(args):
    skipped = {}
    results = []
    mix = query_mix()
    with tempfile.TemporaryDirectory(prefix="pontes-search-benchmark-") as directory:
        database_url, drop_database, reason = database(args, directory)
        try:
            if reason:
                skipped["postgres"] = reason
                step(f"postgres skipped: {reason}")
            backends = [name for name in args.backends if name not in skipped]
            os.environ.update(
                learners.server_environment(database_url=database_url, var_dir=directory)
            )
            setup_django(postgres="postgres" in backends)
            step(f"generating {args.documents:,} documents (seed {args.seed})")
            started = time.perf_counter()
            documents = generate(args.documents, seed=args.seed)
            step(f"generated in {time.perf_counter() - started:.1f} s")
            for name in backends:
                count = min(args.documents, getattr(args, f"{name}_documents") or args.documents)
                measured = measure_backend(name, documents[:count], mix, args, directory)
                if count < args.documents:
                    measured.note = (
                        f"measured at {count:,} documents, not {args.documents:,} "
                        f"(--{name}-documents): see benchmarks/README.md"
                    )
                results.append(measured)
        finally:
            learners.close_connections()
            drop_database()
    if not results:
        print("nothing was measured", file=sys.stderr)
        return 2
    print(report(results, skipped, args, mix))
    return 0


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search", description=__doc__)
    parser.add_argument("--documents", type=int, default=100_000, help="resources to index")
    parser.add_argument(
        "--backends",
        default=",".join(BACKENDS),
        help="comma-separated, among " + ", ".join(BACKENDS),
    )
    parser.add_argument("--queries", type=int, default=192, help="measured per mode")
    parser.add_argument("--warmup", type=int, default=48, help="discarded queries per backend")
    parser.add_argument("--batch", type=int, default=2000, help="documents per index() call")
    parser.add_argument("--seed", type=int, default=5, help="of the generated documents")
    for name in BACKENDS:
        parser.add_argument(
            f"--{name}-documents",
            type=int,
            default=None,
            help=f"index only the first N documents into {name} (default: --documents)",
        )
    parser.add_argument("--timeout", type=int, default=1800, help="for the whole run, seconds")
    args = parser.parse_args(argv)
    args.backends = [name.strip() for name in args.backends.split(",") if name.strip()]
    unknown = [name for name in args.backends if name not in BACKENDS]
    if unknown or not args.backends:
        parser.error(f"--backends takes {', '.join(BACKENDS)}, not {args.backends}")
    for name in ("documents", "queries", "batch", "timeout"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    if args.warmup < 0:
        parser.error("--warmup cannot be negative")
    return args


def main(argv=None):
    return learners.run(benchmark, parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
