"""The partner's own institutions named in the narrative."""

from parsers.agencies import find_agencies

TEXT = (
    "The ILO works closely with the Ministry of Health, Labour and Welfare (MHLW). "
    "The Ministry of Foreign Affairs (MOFA) provides support through the UN Trust Fund for Human Security. "
    "The collaboration extends to the Japanese private sector, such as Fast Retailing, the holding company of UNIQLO. "
    "This aims at occupational safety and health (OSH)."
)


def test_named_institutions_with_acronyms_are_agencies():
    found = {(a.name, a.acronym, a.kind) for a in find_agencies(TEXT, "JPN")}
    assert ("Ministry of Health, Labour and Welfare", "MHLW", "government") in found
    assert ("Ministry of Foreign Affairs", "MOFA", "government") in found


def test_private_sector_companies_are_private_agencies():
    assert ("Fast Retailing", None, "private") in {(a.name, a.acronym, a.kind) for a in find_agencies(TEXT, "JPN")}


def test_un_bodies_and_plain_acronyms_are_not_agencies():
    names = {a.name for a in find_agencies(TEXT, "JPN")}
    assert not any("UN" in n or "occupational" in n for n in names)


def test_other_countries_ministries_are_not_the_partners():
    assert find_agencies("support to the Ministry of Labour of Bangladesh (MOLE).", "JPN") == []


def test_a_name_does_not_reach_back_into_the_previous_sentence():
    (agency,) = find_agencies("It works in Asia. The Directorate-General for International Partnerships (DG INTPA) funds it.", None)
    assert agency.name == "Directorate-General for International Partnerships"


def test_the_arms_of_a_charitable_trust_are_private():
    text = "The Trust works through the Fair Supply Chains Fund (FSCF), which supports decent work."
    assert [(a.acronym, a.kind) for a in find_agencies(text, None, "Lumen Trust")] == [("FSCF", "private")]


def test_a_national_organization_with_an_acronym_is_an_agency():
    text = "The General Organization for Social Insurance (GOSI) cooperates with the ILO on actuarial reviews."
    assert [(a.name, a.acronym, a.kind) for a in find_agencies(text, "SAU")] == [
        ("General Organization for Social Insurance", "GOSI", "government")]


def test_international_organizations_are_not_agencies():
    text = ("It works with the International Organization for Migration (IOM), the World Health Organization "
            "(WHO) and the Food and Agriculture Organization (FAO).")
    assert find_agencies(text, "SAU") == []


def test_a_name_without_an_acronym_given_as_the_funder_is_an_agency():
    text = ("Irish Aid has worked with the ILO since 2001. In 2021, Irish Aid provided EUR 1.25 million. "
            "Funded by Irish Aid, the programme trains women entrepreneurs.")
    assert [(a.name, a.acronym, a.kind) for a in find_agencies(text, "IRL")] == [("Irish Aid", None, "government")]


def test_a_funders_name_is_not_cut_short_before_of_or_for():
    text = "The project is funded by the Swiss Agency for Development and Cooperation since 2010."
    assert find_agencies(text, "CHE") == []


def test_an_acronym_the_brief_names_as_a_funder_is_an_agency_without_an_institution_word():
    narrative = "The Trust works through the Lumen Skills Initiative (LSI), which makes grants."
    whole = narrative + "\nApprenticeships in Jordan (2019-2022)\nThe LSI funds this programme."
    assert [(a.name, a.acronym) for a in find_agencies(narrative, None, "Lumen Trust", whole)] == [
        ("Lumen Skills Initiative", "LSI")]


def test_an_acronym_never_named_as_a_funder_needs_an_institution_word():
    assert find_agencies("It supports the Decent Work Agenda (DWA) in Asia.", "JPN", None, "DWA funds are used.") == []


def test_ilo_funding_accounts_are_not_agencies():
    text = "The Regular Budget Supplementary Account (RBSA) is flexible funding. RBSA funds the ILO's priorities."
    assert find_agencies(text, "JPN") == []


def test_a_ministry_whose_name_holds_and_the_keeps_its_whole_name():
    text = "The Ministry of Labour, Employment and the Social and Solidarity Economy (MTEESS) represents it."
    assert [(a.name, a.acronym) for a in find_agencies(text, "LUX")] == [
        ("Ministry of Labour, Employment and the Social and Solidarity Economy", "MTEESS")]


def test_two_institutions_joined_by_and_the_are_two_agencies():
    text = "It works with the Ministry of Health and the Agency for Work (AFW)."
    assert [(a.name, a.acronym) for a in find_agencies(text, "LUX")] == [("Ministry of Health", None), ("Agency for Work", "AFW")]


def test_an_inspectorate_is_an_agency():
    assert [a.acronym for a in find_agencies("The Inspectorate of Labour and Mines (ITM) shares expertise.", "LUX")] == ["ITM"]


def test_a_superintendency_is_a_government_agency():
    found = find_agencies("The National Superintendency of Labour Inspection (SUNAFIL) shares its experience.", "PER")
    assert [(a.name, a.acronym, a.kind) for a in found] == [
        ("National Superintendency of Labour Inspection", "SUNAFIL", "government")]


def test_an_executive_agency_is_an_agency():
    text = "The Health and Safety Executive (HSE) shares its expertise with ILO projects."
    assert [(a.name, a.acronym) for a in find_agencies(text, "GBR")] == [("Health and Safety Executive", "HSE")]


def test_an_acronym_listed_after_a_funding_label_is_named_as_a_funder():
    narrative = "Supreme Committee for Delivery & Legacy (SC) – the body responsible for the tournament."
    whole = narrative + "\nHeat Stress Protection\nFunded by: MOL and SC"
    assert [a.acronym for a in find_agencies(narrative, "QAT", "Qatar", whole)] == ["SC"]


def test_a_name_in_french_or_spanish_keeps_its_lowercase_words():
    text = ("The Agence française de développement (AFD) funds ILO projects. The Agencia Española de "
            "Cooperación Internacional para el Desarrollo (AECID) funds others.")
    assert [(a.name, a.acronym) for a in find_agencies(text, "FRA")] == [
        ("Agence française de développement", "AFD"), ("Agencia Española de Cooperación Internacional para el Desarrollo", "AECID")]


def test_a_ministry_named_without_acronym_keeps_the_comma_of_its_listed_name():
    text = "The Ministry of Labour, Full Employment and Integration has contributed to the G7 initiative since 2017."
    assert [a.name for a in find_agencies(text, "FRA")] == ["Ministry of Labour, Full Employment and Integration"]


def test_places_after_a_ministrys_comma_are_not_part_of_its_name():
    text = "The Ministry of Labour, Madagascar and Myanmar agreed on a plan for the lychee supply chain."
    assert [a.name for a in find_agencies(text, "FRA")] == ["Ministry of Labour"]


CORVANT = ("The Corvant Foundation is the corporate foundation of Corvant Group, a family-owned logistics company. "
           "Corvant Freight Services shares its drivers' experience with the ILO.")


def test_a_company_foundations_group_companies_named_with_its_name_are_its_private_arms():
    found = [(a.name, a.kind) for a in find_agencies(CORVANT, None, "Corvant Foundation")]
    assert found == [("Corvant Group", "private"), ("Corvant Freight Services", "private")]


def test_a_foundation_named_as_funding_projects_is_an_agency_its_projects_can_name():
    whole = CORVANT + " Funded by the Corvant Foundation, the project worked with drivers' unions."
    names = [a.name for a in find_agencies(CORVANT, None, "Corvant Foundation", whole)]
    assert names[0] == "Corvant Foundation"


def test_a_country_partner_is_never_its_own_agency():
    text = "Funded by the Government of Ireland, the project works in Kenya. The Ireland Fund for Decent Work (IFDW) helps."
    assert "Ireland" not in [a.name for a in find_agencies(text, "IRL", "Ireland")]


def test_a_possessive_before_a_name_is_not_part_of_it():
    text = ("Its Bureau of International Labor Affairs (ILAB) funds projects. The Department of State's Bureau of "
            "Democracy, Human Rights, and Labor (DRL) funds others. The Attorney-General's Department (AGD) advises.")
    assert [a.name for a in find_agencies(text, "USA", "United States")] == [
        "Bureau of International Labor Affairs", "Bureau of Democracy, Human Rights, and Labor", "Attorney-General's Department"]


VALMORAL = ("Fundación Valmoral is the corporate foundation of Grupo Financiero Valmoral (GFV), one of Mexico's banks. "
            "Banco Valmoral also contributes in kind, and Valmoral Seguros insures the trainees. "
            "All projects work with Mexico's Ministry of Labour and Social Welfare (STPS).")


def test_a_foundation_named_in_spanish_has_its_groups_companies_as_arms_and_no_ministry():
    found = [(a.name, a.acronym, a.kind) for a in find_agencies(VALMORAL, None, "Fundación Valmoral")]
    assert found == [("Grupo Financiero Valmoral", "GFV", "private"), ("Banco Valmoral", None, "private"),
                     ("Valmoral Seguros", None, "private")]


def test_acronyms_in_turkish_capitals_are_acronyms():
    text = "The Turkish Cooperation and Coordination Agency (TİKA) and the Turkish Employment Agency (İŞKUR) fund projects."
    assert [a.acronym for a in find_agencies(text, "TUR", "Türkiye")] == ["TİKA", "İŞKUR"]


def test_an_institution_or_a_treasury_with_an_acronym_is_an_agency():
    text = "Pensions are paid by the Social Security Institution (SGK). The National Treasury (NT) sets the budget."
    assert {(a.name, a.acronym) for a in find_agencies(text, "TUR")} == {
        ("Social Security Institution", "SGK"), ("National Treasury", "NT")}


def test_a_federal_public_service_is_named_in_full_without_an_acronym():
    text = ("The Federal Public Service Employment, Labour and Social Dialogue represents Belgium in the "
            "Governing Body.")
    assert [(a.name, a.acronym) for a in find_agencies(text, "BEL")] == [
        ("Federal Public Service Employment, Labour and Social Dialogue", None)]


def test_a_ministrys_list_of_portfolios_may_end_in_two_words():
    text = "The Ministry of Foreign Affairs, Foreign Trade and Development Cooperation is responsible for aid."
    assert [a.name for a in find_agencies(text, "BEL")] == [
        "Ministry of Foreign Affairs, Foreign Trade and Development Cooperation"]


def test_a_name_its_description_calls_an_agency_is_an_agency():
    text = "It funds the RBSA. Enabel, the Belgian development agency, implements the programmes."
    assert [(a.name, a.acronym, a.kind) for a in find_agencies(text, "BEL")] == [("Enabel", None, "government")]


def test_a_place_described_after_a_comma_is_not_an_agency():
    text = "Work began in 2021. Rwanda, the lead agency, asked for help. In Kigali, the ministry agreed."
    assert find_agencies(text, "BEL") == []


def test_a_body_named_for_the_partner_with_an_acronym_is_its_agency():
    text = ("WorkSafe New Zealand (WorkSafe), the health and safety regulator, and Statistics New Zealand (Stats NZ) "
            "share their expertise.")
    assert [(a.name, a.acronym) for a in find_agencies(text, "NZL", "New Zealand")] == [
        ("WorkSafe New Zealand", "WorkSafe"), ("Statistics New Zealand", "Stats NZ")]


def test_employers_and_workers_organizations_are_not_agencies():
    text = ("The New Zealand Council of Trade Unions (NZCTU), the Chamber of Commerce and Industry (CCI) and the "
            "Business Coordinating Council (CCE) represent workers and employers.")
    assert find_agencies(text, "NZL", "New Zealand") == []


def test_a_name_its_apposition_calls_a_division_is_an_agency():
    text = "The DFA handles UN relations. Irish Aid, the division of the DFA that manages aid, funds projects."
    assert [(a.name, a.acronym) for a in find_agencies(text, "IRL", "Ireland")] == [("Irish Aid", None)]


def test_a_foundation_whose_projects_are_funded_by_the_foundation_is_its_own_funding_agency():
    text = "The Halden Foundation was set up by Halden Marine Holdings (HMH). ILO contact · PARTNERSHIPS Department Halden Foundation"
    brief = text + "\nILO projects funded by the Foundation"
    assert [(a.name, a.kind) for a in find_agencies(text, None, "Halden Foundation", brief)] == [
        ("Halden Foundation", "private"), ("Halden Marine Holdings", "private")]


def test_a_countrys_agency_named_for_the_country_is_kept():
    text = "Employment and Social Development Canada (ESDC) funds the project."
    assert [a.name for a in find_agencies(text, "CAN", "Canada")] == ["Employment and Social Development Canada"]


def test_an_institution_named_as_the_subject_of_its_role_is_an_agency():
    text = ("Trade is a priority. The U.S. Department of State represents the United States in the Governing Body. "
            "The Federal Statistical Office shares its experience of labour force surveys. The MSAL leads on labour "
            "policy, and the Directorate of Labour hosts study visits.")
    assert [(a.name, a.acronym) for a in find_agencies(text, "USA", "United States")] == [
        ("U.S. Department of State", None), ("Federal Statistical Office", None), ("Directorate of Labour", None)]


def test_a_foreign_or_non_institution_subject_is_no_agency():
    text = "The ILO Office represents the Organization. The European Union leads the donors. The Government runs it."
    assert find_agencies(text, "USA", "United States") == []


def test_a_table_of_institutions_and_acronyms_lists_agencies():
    from parsers.agencies import table_agencies

    rows = [["Institution", "Acronym", "Role"], ["Ministry of Foreign Affairs", "MFA", "Development cooperation policy"],
            ["Labour Inspectorate", "–", "Shares inspection methods"]]
    assert [(a.name, a.acronym) for a in table_agencies(rows, "EST")] == [("Ministry of Foreign Affairs", "MFA"), ("Labour Inspectorate", None)]


def test_a_table_without_an_acronym_column_is_no_list_of_agencies():
    from parsers.agencies import table_agencies

    assert table_agencies([["Project title", "Start", "End"], ["Skills", "2020", "2023"]], "EST") is None


def test_institutions_described_as_a_service_and_an_authority_are_agencies():
    text = ("Jobsplus, the public employment service, and Transport Malta, the maritime authority, contribute "
            "their expertise to projects.")
    assert [(a.name, a.acronym) for a in find_agencies(text, "MLT")] == [("Jobsplus", None), ("Transport Malta", None)]
