"""The demo's page bodies: several paragraphs for each group, project and achievement, in French
with their English (the coalition's glossary: Canadian spelling, the CCR's English names).

Keyed by the page's French slug: ``(illustration name, [(French, English), ...])``. The
illustration's alternative text is in ``home/illustrations.py``. Illustrative text for a demo:
it describes the kind of work such groups do, not a record of the coalition's own history.
"""

GROUP_BODIES = {
    "immigration-et-etablissement": (
        "groupe-immigration-etablissement",
        [
            (
                "Le groupe de travail Immigration et Établissement réunit des intervenantes et intervenants "
                "d'organismes d'accueil, de centres communautaires et d'organismes de défense des droits de partout "
                "au Canada. Ensemble, ils suivent ce qui facilite ou freine l'intégration des nouveaux arrivants : "
                "l'accès aux services d'établissement, au logement, à la santé, à l'emploi et à la formation.",
                "The Immigration and Settlement Working Group brings together staff of settlement agencies, "
                "community centres and rights organizations from across Canada. Together they follow what helps "
                "or hinders newcomers' integration: access to settlement services, housing, health care, "
                "employment and training.",
            ),
            (
                "Le groupe porte aussi les enjeux de justice sociale qui touchent les personnes au statut "
                "précaire, les travailleurs migrants et les personnes victimes de la traite. Les membres y "
                "partagent ce qu'ils voient sur le terrain, comparent les pratiques d'une province à l'autre et "
                "préparent des positions communes que le CCR porte auprès d'IRCC et des gouvernements provinciaux.",
                "The group also takes up the social justice issues facing people with precarious status, migrant "
                "workers and survivors of human trafficking. Members share what they see on the ground, compare "
                "practices from one province to another and prepare common positions that the CCR brings to IRCC "
                "and to provincial governments.",
            ),
            (
                "Les membres se rencontrent virtuellement entre les Consultations et en personne à Toronto et "
                "à Montréal. Tout organisme membre peut proposer une question au groupe : elle peut devenir un "
                "atelier, une résolution, une campagne ou une ressource pratique pour le réseau.",
                "Members meet online between Consultations and in person in Toronto and Montréal. Any member "
                "organization can bring a question to the group: it may become a workshop, a resolution, a "
                "campaign or a practical resource for the network.",
            ),
        ],
    ),
    "protection-au-canada": (
        "groupe-protection-au-canada",
        [
            (
                "Le groupe de travail Protection au Canada s'intéresse à ce que vivent les demandeurs d'asile "
                "dès leur arrivée : l'accès à la procédure, l'aide juridique, le permis de travail, les délais "
                "de traitement et les audiences devant la Commission de l'immigration et du statut de réfugié.",
                "The Inland Protection Working Group looks at what refugee claimants go through from the moment "
                "they arrive: access to the refugee determination process, legal aid, work permits, processing "
                "times and hearings before the Immigration and Refugee Board.",
            ),
            (
                "Il suit de près la détention à des fins d'immigration et les expulsions, qui touchent aussi des "
                "familles et des enfants. Les membres documentent les situations qu'ils rencontrent, en discutent "
                "avec IRCC et l'Agence des services frontaliers du Canada (ASFC) et proposent des solutions de "
                "rechange respectueuses des droits de la personne.",
                "It closely follows immigration detention and removals, which also affect families and children. "
                "Members document the situations they encounter, raise them with IRCC and the Canada Border "
                "Services Agency (CBSA) and propose alternatives that respect human rights.",
            ),
            (
                "Avocates et avocats, cliniques juridiques, refuges et organismes d'accueil y travaillent côte à "
                "côte : cette diversité permet au groupe de réagir vite lorsqu'une politique change, et de "
                "produire des outils que les intervenants utilisent dès le lendemain.",
                "Lawyers, legal clinics, shelters and settlement agencies work side by side in the group: this "
                "diversity lets it respond quickly when a policy changes, and produce tools that frontline "
                "workers can use the very next day.",
            ),
        ],
    ),
    "protection-outremer-et-reinstallation": (
        "groupe-protection-outremer",
        [
            (
                "Le groupe de travail Protection outremer et réinstallation s'intéresse aux réfugiés qui "
                "attendent encore une solution durable, dans des camps ou dans des villes de pays de premier "
                "asile. Il suit les besoins de protection à travers le monde et la place que le Canada prend "
                "dans l'accueil des réfugiés réinstallés.",
                "The Overseas Protection and Resettlement Working Group focuses on refugees still waiting for a "
                "durable solution, in camps or in cities of countries of first asylum. It follows protection "
                "needs around the world and the part Canada takes in welcoming resettled refugees.",
            ),
            (
                "Les membres connaissent de près les deux voies de la réinstallation : les réfugiés pris en charge "
                "par le gouvernement (RPG) et le parrainage privé, y compris les groupes de cinq parrains. Ils "
                "échangent sur les délais, les critères d'admissibilité et le soutien offert aux familles à leur "
                "arrivée.",
                "Members know both resettlement streams well: government-assisted refugees (GARs) and private "
                "sponsorship, including Groups of Five. They share information on processing times, eligibility "
                "rules and the support offered to families when they arrive.",
            ),
            (
                "Le groupe porte la voix du CCR auprès d'IRCC et dans les forums internationaux, comme les "
                "Consultations annuelles tripartites sur la réinstallation, pour que la réinstallation reste "
                "fondée sur les besoins de protection et non sur des considérations politiques.",
                "The group carries the CCR's voice to IRCC and to international forums, such as the Annual "
                "Tripartite Consultations on Resettlement, so that resettlement stays grounded in protection needs "
                "rather than political considerations.",
            ),
        ],
    ),
}

PROJECT_BODIES = {
    "regularisation-des-statuts": (
        "projet-regularisation",
        [
            (
                "Des centaines de milliers de personnes vivent au Canada sans statut ou avec un statut précaire : "
                "elles travaillent, paient des loyers, envoient leurs enfants à l'école, mais risquent à tout "
                "moment l'expulsion et n'ont souvent pas accès aux soins de santé.",
                "Hundreds of thousands of people live in Canada without status or with precarious status: they "
                "work, pay rent and send their children to school, yet face removal at any moment and often "
                "cannot get health care.",
            ),
            (
                "Le groupe a lancé un appel à l'action pour un programme de régularisation large et inclusif. "
                "Les organismes membres relaient l'appel dans leurs communautés, rencontrent leurs députés et "
                "recueillent des témoignages, avec l'accord des personnes concernées.",
                "The group launched a call to action for a broad and inclusive regularization program. Member "
                "organizations relay the call in their communities, meet their members of Parliament and gather "
                "testimonies, with the consent of the people concerned.",
            ),
            (
                "Le groupe suit l'évolution du dossier avec IRCC et partage avec les membres un modèle de lettre "
                "et des repères pour accompagner les personnes sans statut sans les mettre en danger.",
                "The group follows the issue with IRCC and shares with members a template letter and guidance for "
                "supporting people without status without putting them at risk.",
            ),
        ],
    ),
    "racisme-anti-noir": (
        "projet-racisme-anti-noir",
        [
            (
                "Les réfugiés et les immigrants noirs font face à des obstacles particuliers : délais plus longs, "
                "taux d'acceptation plus faibles dans certains programmes, discrimination dans le logement et "
                "l'emploi. Plusieurs organismes membres l'observent au quotidien.",
                "Black refugees and immigrants face particular barriers: longer processing times, lower "
                "acceptance rates in some programs, and discrimination in housing and employment. Several member "
                "organizations see it every day.",
            ),
            (
                "Le groupe a ouvert un espace d'échange où les membres partagent des données, des témoignages "
                "et des stratégies : comment documenter un traitement inégal, comment en parler avec IRCC, comment "
                "revoir ses propres pratiques d'accueil.",
                "The group opened a space where members share data, testimonies and strategies: how to document "
                "unequal treatment, how to raise it with IRCC, and how to review their own settlement practices.",
            ),
            (
                "Ces échanges nourrissent les ateliers des Consultations et les positions du CCR sur le racisme "
                "systémique dans le système d'immigration.",
                "These exchanges feed the workshops at the Consultations and the CCR's positions on systemic "
                "racism in the immigration system.",
            ),
        ],
    ),
    "etudiants-internationaux": (
        "projet-etudiants-internationaux",
        [
            (
                "De plus en plus d'étudiants internationaux frappent à la porte des organismes d'accueil : perte "
                "d'emploi, logement insalubre, exploitation par des recruteurs, ou demande d'asile après un "
                "changement de situation dans leur pays.",
                "More and more international students are coming to settlement agencies: job loss, substandard "
                "housing, exploitation by recruiters, or a refugee claim after circumstances changed in their "
                "home country.",
            ),
            (
                "Ces étudiants n'ont souvent pas droit aux services d'établissement financés par IRCC. Le groupe a "
                "créé un sous-groupe pour mettre en commun ce que les membres savent de leur situation et des "
                "ressources qui existent pour eux.",
                "These students are often not eligible for IRCC-funded settlement services. The group created a "
                "sub-group to pool what members know about their situation and the resources available to them.",
            ),
            (
                "Le sous-groupe prépare une liste de recommandations sur l'accès aux services et la protection "
                "des étudiants contre l'exploitation, à présenter au Comité exécutif.",
                "The sub-group is preparing recommendations on access to services and protecting students from "
                "exploitation, to present to the Executive Committee.",
            ),
        ],
    ),
    "detention-immigration": (
        "projet-detention",
        [
            (
                "Chaque année, des milliers de personnes sont détenues au Canada pour des motifs d'immigration, "
                "sans avoir été accusées d'aucun crime, parfois avec leurs enfants. Pour beaucoup, la détention "
                "ravive des traumatismes vécus avant l'exil.",
                "Every year, thousands of people are detained in Canada on immigration grounds, without being "
                "charged with any crime, sometimes with their children. For many, detention reopens traumas "
                "lived before they fled.",
            ),
            (
                "Le groupe plaide pour que la détention ne soit qu'un dernier recours, pour la fin de la détention "
                "des enfants et pour des solutions de rechange dans la communauté. Il dialogue régulièrement avec "
                "l'ASFC et suit l'évolution des ententes avec les provinces.",
                "The group advocates for detention to be a last resort only, for an end to the detention of "
                "children and for community-based alternatives. It holds regular discussions with the CBSA and "
                "follows the changing agreements with the provinces.",
            ),
            (
                "Les membres partagent les cas qu'ils accompagnent, avec l'accord des personnes, afin d'appuyer "
                "les recommandations du CCR sur des situations concrètes.",
                "Members share the cases they support, with the people's consent, so that the CCR's "
                "recommendations rest on real situations.",
            ),
        ],
    ),
    "echanges-ircc-demandeurs-asile": (
        "projet-echanges-ircc",
        [
            (
                "Les règles qui touchent les demandeurs d'asile changent souvent : formulaires, délais, accès au "
                "permis de travail, examens médicaux. Les intervenants l'apprennent parfois par leurs clients.",
                "The rules affecting refugee claimants change often: forms, deadlines, access to work permits, "
                "medical exams. Frontline workers sometimes learn of it from their clients.",
            ),
            (
                "Le groupe tient un échange régulier avec IRCC : les membres y signalent les problèmes observés "
                "sur le terrain et IRCC y présente les changements à venir. Entre les rencontres, le groupe "
                "rassemble les questions des membres.",
                "The group holds a regular exchange with IRCC: members report the problems they see on the ground "
                "and IRCC presents upcoming changes. Between meetings, the group gathers members' questions.",
            ),
            (
                "Les réponses obtenues sont résumées et partagées avec tous les membres, en français et en "
                "anglais, pour que chaque organisme dispose de la même information.",
                "The answers are summarized and shared with all members, in French and English, so that every "
                "organization has the same information.",
            ),
        ],
    ),
    "mesures-speciales-covid-19": (
        "projet-mesures-covid",
        [
            (
                "Pendant la pandémie de COVID-19, de nombreux demandeurs d'asile ont travaillé dans les centres "
                "d'hébergement de soins de longue durée, les hôpitaux et les services essentiels, souvent au péril "
                "de leur santé.",
                "During the COVID-19 pandemic, many refugee claimants worked in long-term care homes, hospitals "
                "and essential services, often at risk to their own health.",
            ),
            (
                "Le groupe a plaidé pour que leur contribution soit reconnue par l'octroi de la résidence "
                "permanente, puis pour que la mesure spéciale adoptée soit élargie à d'autres secteurs et aux "
                "membres de leur famille.",
                "The group advocated for their contribution to be recognized with permanent residence, then for "
                "the special measure that was adopted to be extended to other sectors and to family members.",
            ),
            (
                "Le projet se poursuit : les membres suivent la mise en œuvre de la mesure et signalent à IRCC "
                "les personnes qui en restent exclues.",
                "The project continues: members follow how the measure is applied and report to IRCC the people "
                "who remain excluded.",
            ),
        ],
    ),
    "groupes-de-cinq-parrains": (
        "projet-groupes-de-cinq",
        [
            (
                "Les groupes de cinq parrains permettent à cinq personnes ou plus de parrainer ensemble une famille "
                "réfugiée. Ils sont souvent formés par des proches de la famille, sans l'appui d'un organisme "
                "d'expérience.",
                "Groups of Five allow five or more people to sponsor a refugee family together. They are often "
                "formed by the family's relatives, without the support of an experienced organization.",
            ),
            (
                "Le groupe de travail mène un travail de proximité auprès de ces groupes : séances d'information, "
                "conseils sur les demandes et rappels des responsabilités des parrains pendant la première année.",
                "The working group reaches out to these groups: information sessions, advice on applications and "
                "reminders of the sponsors' responsibilities during the first year.",
            ),
            (
                "Un guide pratique, réservé aux organismes membres, rassemble ce que les membres ont appris en "
                "accompagnant ces groupes.",
                "A practical guide, for member organizations only, gathers what members have learned supporting "
                "these groups.",
            ),
        ],
    ),
    "reinstallation-refugies-palestiniens": (
        "projet-refugies-palestiniens",
        [
            (
                "Les réfugiés palestiniens sont parmi les populations réfugiées les plus anciennes au monde, et "
                "parmi celles qui ont le moins accès à la réinstallation.",
                "Palestinian refugees are among the longest-standing refugee populations in the world, and among "
                "those with the least access to resettlement.",
            ),
            (
                "Le groupe explore les obstacles qu'ils rencontrent : documents de voyage, critères des programmes, "
                "accès aux bureaux des visas, délais. Il recueille l'expérience des parrains et des familles "
                "déjà au Canada.",
                "The group is exploring the barriers they face: travel documents, program criteria, access to "
                "visa offices, processing times. It gathers the experience of sponsors and of families already "
                "in Canada.",
            ),
            (
                "Ce travail doit aboutir à des recommandations à IRCC pour une réinstallation plus équitable.",
                "This work is to lead to recommendations to IRCC for fairer resettlement.",
            ),
        ],
    ),
    "augmentation-reinstallation": (
        "projet-augmentation-reinstallation",
        [
            (
                "Les besoins de réinstallation dans le monde dépassent de loin les places offertes. Le Canada peut "
                "faire davantage, tant pour les réfugiés pris en charge par le gouvernement que pour ceux qui "
                "sont parrainés par le secteur privé.",
                "Global resettlement needs far exceed the places offered. Canada can do more, both for "
                "government-assisted refugees and for privately sponsored refugees.",
            ),
            (
                "Le groupe plaide pour des niveaux de réinstallation plus élevés dans le plan des niveaux "
                "d'immigration, et pour que les places de RPG ne soient pas remplacées par le parrainage privé.",
                "The group advocates for higher resettlement targets in the immigration levels plan, and for "
                "government-assisted places not to be replaced by private sponsorship.",
            ),
            (
                "Chaque automne, il prépare la réponse du CCR au plan des niveaux et invite les membres à écrire "
                "à leurs députés.",
                "Each fall, it prepares the CCR's response to the levels plan and invites members to write to "
                "their members of Parliament.",
            ),
        ],
    ),
}

ACHIEVEMENT_BODIES = {
    "lettre-ouverte-travailleurs-migrants": (
        "realisation-lettre-travailleurs-migrants",
        [
            (
                "Au début de la pandémie de COVID-19, les travailleurs migrants se sont retrouvés parmi les plus "
                "exposés : logements partagés, peur de perdre leur permis lié à un seul employeur, accès limité "
                "aux soins.",
                "Early in the COVID-19 pandemic, migrant workers were among the most exposed: shared housing, fear "
                "of losing a work permit tied to a single employer, limited access to health care.",
            ),
            (
                "Le groupe a rédigé une lettre ouverte, signée par de nombreux organismes membres, demandant des "
                "mesures immédiates : protection de la santé, permis ouverts et accès à la résidence permanente.",
                "The group drafted an open letter, signed by many member organizations, calling for immediate "
                "measures: health protection, open work permits and access to permanent residence.",
            ),
            (
                "La lettre a été reprise dans les médias et a servi d'appui aux rencontres avec le gouvernement "
                "fédéral dans les mois suivants.",
                "The letter was picked up by the media and supported meetings with the federal government in the "
                "months that followed.",
            ),
        ],
    ),
    "evaluation-services-rpg": (
        "realisation-evaluation-rpg",
        [
            (
                "Lorsqu'IRCC a évalué les services offerts aux réfugiés pris en charge par le gouvernement, le "
                "groupe a voulu que l'expérience des organismes d'accueil soit entendue.",
                "When IRCC evaluated the services offered to government-assisted refugees, the group wanted the "
                "experience of settlement agencies to be heard.",
            ),
            (
                "Il a organisé une réunion virtuelle où les membres ont partagé ce qui fonctionne et ce qui manque : "
                "soutien au revenu, logement à l'arrivée, services en santé mentale, accompagnement des familles "
                "nombreuses.",
                "It organized a virtual meeting where members shared what works and what is missing: income "
                "support, housing on arrival, mental health services, support for large families.",
            ),
            (
                "Le rapport qui en est issu a été remis à IRCC, qui s'en est servi pour formuler ses recommandations.",
                "The resulting report was given to IRCC, which used it to make its recommendations.",
            ),
        ],
    ),
    "outil-residence-secteur-sante": (
        "realisation-outil-sante",
        [
            (
                "La mesure spéciale pour les demandeurs d'asile travaillant dans le secteur de la santé comportait "
                "des critères complexes : dates, types d'emploi, nombre d'heures travaillées.",
                "The special measure for refugee claimants working in health care had complex criteria: dates, "
                "types of job, number of hours worked.",
            ),
            (
                "Le groupe a développé un outil pratique, sous forme de questions simples, qui aide les personnes "
                "et les intervenants à évaluer si une demande peut être faite, et quels documents rassembler.",
                "The group developed a practical tool, a set of simple questions, that helps people and frontline "
                "workers assess whether an application can be made, and which documents to gather.",
            ),
            (
                "L'outil est public et disponible en français et en anglais dans la bibliothèque de ressources.",
                "The tool is public and available in French and English in the resource library.",
            ),
        ],
    ),
    "recommandations-asfc-violence-sexiste": (
        "realisation-asfc-violence-sexiste",
        [
            (
                "Les personnes qui ont fui la violence sexiste peuvent la revivre au contact des autorités : "
                "interrogatoires, détention, expulsion vers un pays où elles sont en danger.",
                "People who fled gender-based violence can experience it again in their dealings with the "
                "authorities: interrogations, detention, removal to a country where they are at risk.",
            ),
            (
                "Le groupe a soumis à l'Agence des services frontaliers du Canada des recommandations détaillées : "
                "formation des agents, approche tenant compte des traumatismes, accès à des interprètes du même "
                "genre, prise en compte de la violence dans les décisions de renvoi.",
                "The group submitted detailed recommendations to the Canada Border Services Agency: officer "
                "training, a trauma-informed approach, access to interpreters of the same gender, and taking "
                "violence into account in removal decisions.",
            ),
            (
                "La soumission est réservée aux membres dans la bibliothèque de ressources ; le groupe suit sa "
                "mise en œuvre avec l'ASFC.",
                "The submission is for members only in the resource library; the group follows up on it with the CBSA.",
            ),
        ],
    ),
    "campagne-reunification-familiale": (
        "realisation-reunification-familiale",
        [
            (
                "Des réfugiés reconnus au Canada attendent des années avant de retrouver leurs enfants ou leur "
                "conjoint restés à l'étranger, parfois dans des situations dangereuses.",
                "Refugees recognized in Canada wait years before being reunited with their children or spouse "
                "left abroad, sometimes in dangerous situations.",
            ),
            (
                "Le groupe a lancé une campagne publique pour dénoncer ces temps d'attente : témoignages de "
                "familles, cartes postales adressées au ministre, rencontres avec des députés.",
                "The group launched a public campaign against these wait times: families' testimonies, postcards "
                "to the minister, meetings with members of Parliament.",
            ),
            (
                "La campagne a fait connaître l'enjeu au grand public et a obtenu des engagements à réduire les "
                "délais de traitement.",
                "The campaign raised public awareness of the issue and won commitments to reduce processing times.",
            ),
        ],
    ),
    "recommandations-reinstallation-afghans": (
        "realisation-recommandations-afghans",
        [
            (
                "À l'annonce du programme de réinstallation pour les Afghans, les membres ont reçu de nombreux "
                "appels de familles inquiètes pour leurs proches restés en Afghanistan ou dans les pays voisins.",
                "When the resettlement program for Afghans was announced, members received many calls from "
                "families worried about relatives left in Afghanistan or in neighbouring countries.",
            ),
            (
                "Le groupe a rassemblé ces préoccupations en dix recommandations à IRCC : critères plus clairs, "
                "voies pour les personnes encore en Afghanistan, place pour la réunification familiale, traitement "
                "équitable avec les autres populations réfugiées.",
                "The group brought these concerns together in ten recommendations to IRCC: clearer criteria, "
                "pathways for people still in Afghanistan, room for family reunification, and fair treatment "
                "compared with other refugee populations.",
            ),
            (
                "Les recommandations sont publiques et ont servi de base au dialogue avec IRCC sur la suite du "
                "programme.",
                "The recommendations are public and formed the basis of the dialogue with IRCC on the program's "
                "next steps.",
            ),
        ],
    ),
    "consultations-tripartites-reinstallation": (
        "realisation-consultations-tripartites",
        [
            (
                "Les Consultations annuelles tripartites sur la réinstallation réunissent à Genève les États, le "
                "Haut Commissariat des Nations Unies pour les réfugiés et les organisations de la société civile.",
                "The Annual Tripartite Consultations on Resettlement bring together states, the UN Refugee Agency "
                "and civil society organizations in Geneva.",
            ),
            (
                "Des membres du groupe y ont porté l'expérience canadienne du parrainage privé et les "
                "préoccupations des organismes d'accueil, aux côtés de partenaires d'autres pays.",
                "Members of the group brought Canada's experience of private sponsorship and the concerns of "
                "settlement agencies, alongside partners from other countries.",
            ),
            (
                "Ces échanges ont enrichi les positions du CCR et la connaissance des membres sur la réinstallation "
                "internationale.",
                "These exchanges enriched the CCR's positions and members' knowledge of international resettlement.",
            ),
        ],
    ),
}
