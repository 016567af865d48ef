"""The demo's search synonyms: the words people type for the coalition's own terms, in both languages.

Each line is a set of equivalent terms (search.models.Synonym); a search for one finds pages that
use any. Idempotent: a set already there is left as it is.
"""

SYNONYMS = {
    "fr": [
        "demandeur d'asile, demandeuse d'asile, demandeurs d'asile, requérant d'asile, asile, réfugié non reconnu",
        "expulsion, renvoi, déportation, expulsé, renvoyé",
        "régularisation, sans papiers, sans-papiers, statut précaire, régulariser, amnistie",
        "détention à des fins d'immigration, détention, centre de détention, prison, emprisonnement, détenu",
        "parrainage privé, parrainage, parrain, groupes de cinq, G5",
        "réinstallation, réétablissement, réinstaller",
        "travailleurs migrants, travailleurs étrangers temporaires, travailleurs temporaires, travailleurs agricoles",
        "étudiants internationaux, étudiants étrangers, permis d'études",
        "nouveaux arrivants, immigrants, nouveaux venus, personnes immigrantes",
        "réunification familiale, regroupement familial, réunion de famille, parrainage familial",
        "racisme anti-noir, racisme envers les personnes noires, discrimination raciale",
        "violence sexiste, violence fondée sur le genre, violence conjugale, violence faite aux femmes",
        "ASFC, Agence des services frontaliers du Canada, frontière, douanes",
        "IRCC, Immigration Réfugiés et Citoyenneté Canada, ministère de l'Immigration",
        "traite des personnes, traite, trafic humain, exploitation",
        "RPG, réfugiés pris en charge par le gouvernement",
        "Consultations, consultation nationale, conférence",
        "jeunes, jeunesse, mineurs, enfants, adolescents",
        "santé, soins de santé, secteur de la santé, travailleurs de la santé",
        "COVID-19, pandémie, coronavirus",
        "Palestiniens, Palestine, Gaza",
        "Afghans, Afghanistan",
        "établissement, intégration, services aux nouveaux arrivants",
        "résidence permanente, résident permanent, RP",
        "confidentialité, vie privée, données personnelles, renseignements personnels",
        "accessibilité, handicap, personnes handicapées",
        "adhésion, devenir membre, organisme membre",
        "atelier, formation",
    ],
    "en": [
        "refugee claimant, refugee claimants, asylum seeker, asylum, refugee claim, claimant",
        "removals, removal, deportation, deport, deported",
        "regularization, regularisation, undocumented, non-status, without status, sans papiers, precarious status",
        "immigration detention, detention, detained, jail, prison, detention centre",
        "private sponsorship, sponsorship, sponsor, Groups of Five, G5",
        "resettlement, resettle, resettled",
        "migrant workers, temporary foreign workers, foreign workers, farm workers",
        "international students, foreign students, study permit",
        "newcomers, immigrants, new arrivals",
        "family reunification, family reunion, family reunited, family sponsorship",
        "anti-Black racism, racism against Black people, racial discrimination",
        "gender-based violence, domestic violence, violence against women, GBV",
        "CBSA, Canada Border Services Agency, border agency, border",
        "IRCC, Immigration Refugees and Citizenship Canada, immigration department",
        "human trafficking, trafficking, exploitation",
        "GARs, government-assisted refugees",
        "Consultations, national conference, conference",
        "youth, young people, young refugees, minors, children, adolescents",
        "health care, healthcare, health, health care workers",
        "COVID-19, pandemic, coronavirus",
        "Palestinians, Palestinian, Palestine, Gaza",
        "Afghans, Afghan, Afghanistan",
        "settlement, integration, newcomer services",
        "permanent residence, permanent resident, PR",
        "privacy, personal information, personal data, data protection",
        "accessibility, disability, disabilities",
        "membership, become a member, member organization, join",
        "workshop, training",
    ],
}


def load(stdout, **kwargs):
    from .models import Synonym

    created = 0
    for language, lines in SYNONYMS.items():
        for terms in lines:
            _synonym, made = Synonym.objects.get_or_create(language=language, terms=terms)
            created += made
    stdout.write(f"  {created} search synonyms created")
