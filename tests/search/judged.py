"""A small judged relevance set: career articles in the six languages, and the document a
learner's query should bring to the top. Queries use a different word form from the article
where the language's analyzer can be expected to handle it (plural, case ending, verb form)."""

from tests.search.documents import doc

DOCUMENTS = [
    # English
    doc(
        "en-cv",
        "en",
        "Writing your CV",
        "A good CV fits on two pages and starts with your most recent job. Tailor it to each "
        "vacancy and ask a friend to check the spelling.",
    ),
    doc(
        "en-interview",
        "en",
        "Preparing for a job interview",
        "Interviewers often ask why you want the job and what you have learned from your "
        "mistakes. Practise your answers aloud and prepare two questions of your own.",
    ),
    doc(
        "en-salary",
        "en",
        "Talking about pay",
        "Before you accept an offer, find out what similar roles pay in your region. Give a "
        "salary range rather than a single figure, and remember that holidays and training "
        "have value too.",
    ),
    doc(
        "en-apprenticeship",
        "en",
        "Is an apprenticeship right for you?",
        "An apprentice earns a wage while learning a trade from experienced colleagues. Most "
        "apprenticeships combine work on site with one day a week at college.",
    ),
    doc(
        "en-career-change",
        "en",
        "Changing careers at any age",
        "Many people move into a new field in their thirties or forties. List the skills you "
        "already have and look for short courses that bridge the gap.",
    ),
    doc(
        "en-volunteering",
        "en",
        "Volunteering as a way in",
        "Volunteering at a charity or community centre gives you references and real "
        "experience. Even a few hours a month show employers that you are reliable.",
    ),
    doc(
        "en-retirement",
        "en",
        "Planning for retirement",
        "It is never too early to think about your pension. People who retire gradually, by "
        "reducing their hours, often find the change easier.",
    ),
    doc(
        "en-networking",
        "en",
        "Networking without fear",
        "Most vacancies are filled through personal contacts. Tell friends, former colleagues "
        "and teachers what kind of work you are looking for.",
    ),
    # Portuguese (European)
    doc(
        "pt-curriculo",
        "pt",
        "Como escrever um currículo",
        "Um bom currículo cabe em duas páginas e começa pela experiência mais recente. Adapte-o "
        "a cada oferta de emprego e peça a alguém que reveja a ortografia.",
    ),
    doc(
        "pt-entrevista",
        "pt",
        "Preparar uma entrevista de emprego",
        "Nas entrevistas é habitual perguntarem porque quer o lugar e o que aprendeu com os "
        "seus erros. Treine as respostas em voz alta e leve duas perguntas preparadas.",
    ),
    doc(
        "pt-salario",
        "pt",
        "Negociar o salário",
        "Antes de aceitar uma proposta, informe-se sobre quanto se paga por funções semelhantes "
        "na sua região. Indique um intervalo em vez de um valor único.",
    ),
    doc(
        "pt-aprendizagem",
        "pt",
        "Cursos de aprendizagem",
        "Um aprendiz recebe uma bolsa enquanto aprende uma profissão com colegas experientes. "
        "A formação alterna entre a escola e a empresa.",
    ),
    doc(
        "pt-mudar-carreira",
        "pt",
        "Mudar de carreira",
        "Muitas pessoas mudam de área depois dos trinta ou quarenta anos. Faça uma lista das "
        "competências que já tem e procure formações curtas que preencham as lacunas.",
    ),
    doc(
        "pt-voluntariado",
        "pt",
        "O voluntariado como porta de entrada",
        "Trabalhar como voluntário numa associação dá-lhe experiência real e referências. "
        "Bastam algumas horas por mês para mostrar que é uma pessoa responsável.",
    ),
    doc(
        "pt-reforma",
        "pt",
        "Preparar a reforma",
        "Nunca é cedo demais para pensar na reforma. Quem se reforma aos poucos, reduzindo o "
        "horário, costuma adaptar-se melhor.",
    ),
    doc(
        "pt-contactos",
        "pt",
        "Criar uma rede de contactos",
        "Muitas vagas são preenchidas através de conhecimentos pessoais. Diga aos amigos, "
        "antigos colegas e professores que tipo de trabalho procura.",
    ),
    # Dutch
    doc(
        "nl-cv",
        "nl",
        "Een cv schrijven",
        "Een goed cv past op twee pagina's en begint met je meest recente baan. Pas het aan "
        "voor elke vacature en laat iemand de spelling controleren.",
    ),
    doc(
        "nl-sollicitatiegesprek",
        "nl",
        "Voorbereiden op een sollicitatiegesprek",
        "In een sollicitatiegesprek vragen ze vaak waarom je deze baan wilt en wat je van je "
        "fouten hebt geleerd. Oefen je antwoorden hardop en bedenk zelf twee vragen.",
    ),
    doc(
        "nl-salaris",
        "nl",
        "Over je salaris onderhandelen",
        "Zoek voordat je een aanbod accepteert uit wat vergelijkbare functies in jouw regio "
        "verdienen. Noem liever een bandbreedte dan één bedrag.",
    ),
    doc(
        "nl-leerbaan",
        "nl",
        "Leren en werken tegelijk",
        "In de beroepsbegeleidende leerweg werk je vier dagen bij een leerbedrijf en ga je één "
        "dag naar school. Je verdient loon en haalt tegelijk een diploma.",
    ),
    doc(
        "nl-overstappen",
        "nl",
        "Van loopbaan veranderen",
        "Veel mensen kiezen na hun dertigste of veertigste voor een ander vak. Schrijf op welke "
        "vaardigheden je al hebt en zoek korte cursussen om het verschil te overbruggen.",
    ),
    doc(
        "nl-vrijwilligerswerk",
        "nl",
        "Vrijwilligerswerk als opstap",
        "Als vrijwilliger bij een vereniging of buurthuis doe je echte werkervaring en "
        "referenties op. Een paar uur per maand laat werkgevers al zien dat je betrouwbaar bent.",
    ),
    doc(
        "nl-pensioen",
        "nl",
        "Je pensioen plannen",
        "Het is nooit te vroeg om aan je pensioen te denken. Wie geleidelijk minder gaat "
        "werken, went vaak makkelijker aan het leven daarna.",
    ),
    doc(
        "nl-netwerken",
        "nl",
        "Netwerken zonder zenuwen",
        "Veel vacatures worden vervuld via persoonlijke contacten. Vertel vrienden, "
        "oud-collega's en docenten wat voor werk je zoekt.",
    ),
    # Swedish
    doc(
        "sv-cv",
        "sv",
        "Skriv ett bra cv",
        "Ett bra cv ryms på två sidor och börjar med ditt senaste jobb. Anpassa det efter varje "
        "tjänst och be någon läsa igenom stavningen.",
    ),
    doc(
        "sv-intervju",
        "sv",
        "Inför anställningsintervjun",
        "På en anställningsintervju frågar man ofta varför du vill ha jobbet och vad du har "
        "lärt dig av dina misstag. Öva på svaren högt och förbered egna frågor.",
    ),
    doc(
        "sv-lon",
        "sv",
        "Förhandla om lön",
        "Ta reda på vad liknande tjänster betalar i din region innan du tackar ja till ett "
        "erbjudande. Ange hellre ett spann än en enda siffra.",
    ),
    doc(
        "sv-larling",
        "sv",
        "Lärlingsutbildning",
        "Som lärling får du betalt medan du lär dig ett yrke av erfarna kollegor. Större delen "
        "av tiden är du ute på en arbetsplats.",
    ),
    doc(
        "sv-karriarbyte",
        "sv",
        "Byta karriär mitt i livet",
        "Många byter bransch när de är i trettio- eller fyrtioårsåldern. Skriv ner vilka "
        "färdigheter du redan har och leta efter korta kurser som fyller luckorna.",
    ),
    doc(
        "sv-volontar",
        "sv",
        "Ideellt arbete som språngbräda",
        "Som volontär i en förening får du riktig erfarenhet och referenser. Redan några timmar "
        "i månaden visar arbetsgivare att du är pålitlig.",
    ),
    doc(
        "sv-pension",
        "sv",
        "Planera din pension",
        "Det är aldrig för tidigt att tänka på pensionen. Den som går i pension gradvis, genom "
        "att gå ner i tid, brukar trivas bättre.",
    ),
    doc(
        "sv-natverk",
        "sv",
        "Bygg ditt nätverk",
        "Många lediga jobb tillsätts via personliga kontakter. Berätta för vänner, tidigare "
        "kollegor och lärare vilket arbete du söker.",
    ),
    # Finnish
    doc(
        "fi-ansioluettelo",
        "fi",
        "Hyvä ansioluettelo",
        "Hyvä ansioluettelo mahtuu kahdelle sivulle ja alkaa viimeisimmästä työpaikasta. "
        "Muokkaa sitä jokaista hakemaasi paikkaa varten ja pyydä jotakuta tarkistamaan "
        "kirjoitusvirheet.",
    ),
    doc(
        "fi-haastattelu",
        "fi",
        "Työhaastatteluun valmistautuminen",
        "Työhaastattelussa kysytään usein, miksi haluat juuri tämän työn ja mitä olet oppinut "
        "virheistäsi. Harjoittele vastauksia ääneen ja mieti myös omia kysymyksiä.",
    ),
    doc(
        "fi-palkka",
        "fi",
        "Palkasta neuvotteleminen",
        "Ennen kuin hyväksyt tarjouksen, selvitä, mitä vastaavista tehtävistä maksetaan "
        "alueellasi. Kerro toiveesi mieluummin haarukkana kuin yhtenä lukuna.",
    ),
    doc(
        "fi-oppisopimus",
        "fi",
        "Oppisopimuskoulutus",
        "Oppisopimuksella opiskelet ammatin työpaikalla ja saat samalla palkkaa. Suurin osa "
        "oppimisesta tapahtuu käytännön työssä kokeneiden kollegoiden kanssa.",
    ),
    doc(
        "fi-alanvaihto",
        "fi",
        "Alanvaihto aikuisena",
        "Moni vaihtaa alaa vasta kolmikymppisenä tai nelikymppisenä. Kirjoita ylös taidot, "
        "jotka sinulla jo on, ja etsi lyhyitä kursseja, joilla täydennät osaamistasi.",
    ),
    doc(
        "fi-vapaaehtoistyo",
        "fi",
        "Vapaaehtoistyö avaa ovia",
        "Vapaaehtoisena yhdistyksessä saat oikeaa työkokemusta ja suosittelijoita. Jo muutama "
        "tunti kuukaudessa kertoo työnantajalle, että olet luotettava.",
    ),
    doc(
        "fi-elake",
        "fi",
        "Eläkkeelle siirtyminen",
        "Eläkkeestä kannattaa alkaa miettiä ajoissa. Osa-aikaeläke auttaa monia siirtymään "
        "eläkkeelle vähitellen.",
    ),
    doc(
        "fi-verkostot",
        "fi",
        "Verkostoitumisen merkitys",
        "Monet työpaikat täytetään henkilökohtaisten suhteiden kautta. Kerro ystäville, "
        "entisille kollegoille ja opettajille, millaista työtä etsit.",
    ),
    # Bulgarian
    doc(
        "bg-avtobiografia",
        "bg",
        "Как да напишем автобиография",
        "Добрата автобиография се побира на две страници и започва с последната ви работа. "
        "Съобразете я с всяка обява и помолете някого да провери правописа.",
    ),
    doc(
        "bg-intervyu",
        "bg",
        "Подготовка за интервю за работа",
        "На интервюто често питат защо искате точно тази работа и какво сте научили от "
        "грешките си. Упражнявайте отговорите си на глас и подгответе свои въпроси.",
    ),
    doc(
        "bg-zaplata",
        "bg",
        "Как да договорим заплата",
        "Преди да приемете предложение, проучете какво се плаща за подобни позиции във вашия "
        "регион. Посочете диапазон, а не една точна сума.",
    ),
    doc(
        "bg-dualno",
        "bg",
        "Дуално обучение",
        "В дуалното обучение учениците учат професия в училище и работят във фирма. Така "
        "получават възнаграждение и опит още преди да завършат.",
    ),
    doc(
        "bg-smyana",
        "bg",
        "Смяна на професията",
        "Много хора сменят професията си след трийсет или четирийсет години. Запишете "
        "уменията, които вече имате, и потърсете кратки курсове.",
    ),
    doc(
        "bg-dobrovolchestvo",
        "bg",
        "Доброволчеството като първа стъпка",
        "Като доброволец в организация получавате реален опит и препоръки. Дори няколко часа "
        "месечно показват на работодателите, че сте надеждни.",
    ),
    doc(
        "bg-pensia",
        "bg",
        "Подготовка за пенсия",
        "Никога не е рано да мислите за пенсията си. Хората, които намаляват работното си "
        "време постепенно, по-лесно свикват с пенсионирането.",
    ),
    doc(
        "bg-kontakti",
        "bg",
        "Мрежа от контакти",
        "Много свободни работни места се заемат чрез лични контакти. Кажете на приятели, бивши "
        "колеги и учители каква работа търсите.",
    ),
]

# (language, query as a learner types it, key of the document that should rank first)
JUDGEMENTS = [
    ("en", "apprenticeships", "en-apprenticeship"),
    ("en", "practising interview answers", "en-interview"),
    ("en", "retiring early", "en-retirement"),
    ("pt", "entrevistas de emprego", "pt-entrevista"),
    ("pt", "salários", "pt-salario"),
    ("pt", "mudar de carreiras", "pt-mudar-carreira"),
    ("nl", "sollicitatiegesprekken", "nl-sollicitatiegesprek"),
    ("nl", "vrijwilligers", "nl-vrijwilligerswerk"),
    ("nl", "pensioenen", "nl-pensioen"),
    ("sv", "anställningsintervjuer", "sv-intervju"),
    ("sv", "lärlingar", "sv-larling"),
    ("sv", "byter karriär", "sv-karriarbyte"),
    ("fi", "työhaastattelu", "fi-haastattelu"),
    ("fi", "palkka", "fi-palkka"),
    ("fi", "eläke", "fi-elake"),
    # Bulgarian has no stemmer: these use the article's own word forms.
    ("bg", "интервю за работа", "bg-intervyu"),
    ("bg", "доброволец", "bg-dobrovolchestvo"),
    ("bg", "пенсия", "bg-pensia"),
    # A learner's plural: a stemming engine finds "автобиография".
    ("bg", "автобиографии", "bg-avtobiografia"),
]
