// steppe graph schema: node types and relationship types.
// Every relationship carries provenance: sources (article ids) and quotes (verbatim, same order).

// A news article (one per file in the corpus).
CREATE NODE TYPE Article (id STRING KEY, name STRING NOT NULL, aliases LIST<STRING> NOT NULL, alias_sources LIST<STRING>, alias_attested LIST<BOOL>, file STRING, title STRING, subtitle STRING, outlet STRING, source_outlet STRING, authors LIST<STRING>, date DATE, published STRING, created STRING, dateline STRING, wire_agencies LIST<STRING>, note STRING);
// A state, including historical ones (historical = true).
CREATE NODE TYPE Country (name STRING KEY, aliases LIST<STRING> NOT NULL, alias_sources LIST<STRING>, alias_attested LIST<BOOL>, historical BOOL);
// A city, region, site or class of sites.
CREATE NODE TYPE Place (name STRING KEY, aliases LIST<STRING> NOT NULL, alias_sources LIST<STRING>, alias_attested LIST<BOOL>, kind STRING, description STRING);
// A calendar day that articles refer to (by weekday or date).
CREATE NODE TYPE Day (name STRING KEY, aliases LIST<STRING> NOT NULL, alias_sources LIST<STRING>, alias_attested LIST<BOOL>, date DATE NOT NULL, weekday STRING);
// A formal organisation: alliance, ministry, agency, outlet, platform, institute.
CREATE NODE TYPE Organization (name STRING KEY, aliases LIST<STRING> NOT NULL, alias_sources LIST<STRING>, alias_attested LIST<BOOL>, kind STRING);
// An informal collective actor named in the text (protesters, Russian media, observers...).
CREATE NODE TYPE Group (name STRING KEY, aliases LIST<STRING> NOT NULL, alias_sources LIST<STRING>, alias_attested LIST<BOOL>, description STRING);
// A person named (or, if unnamed = true, described) in the articles.
CREATE NODE TYPE Person (name STRING KEY, aliases LIST<STRING> NOT NULL, alias_sources LIST<STRING>, alias_attested LIST<BOOL>, unnamed BOOL, age INT, age__sources LIST<STRING>, description STRING);
// A military formation or service branch.
CREATE NODE TYPE MilitaryUnit (name STRING KEY, aliases LIST<STRING> NOT NULL, alias_sources LIST<STRING>, alias_attested LIST<BOOL>, kind STRING, note STRING);
// A military deployment (the CSTO peacekeeping force; Russian forces in Tajikistan).
CREATE NODE TYPE Deployment (name STRING KEY, aliases LIST<STRING> NOT NULL, alias_sources LIST<STRING>, alias_attested LIST<BOOL>, kind STRING, description STRING, note STRING);
// An aircraft type, named as the articles write it.
CREATE NODE TYPE Aircraft (name STRING KEY, aliases LIST<STRING> NOT NULL, alias_sources LIST<STRING>, alias_attested LIST<BOOL>, role STRING, note STRING);
// Something that happened; date/start_date/year only where undisputed in the text.
CREATE NODE TYPE Event (name STRING KEY, aliases LIST<STRING> NOT NULL, alias_sources LIST<STRING>, alias_attested LIST<BOOL>, kind STRING, date DATE, date__sources LIST<STRING>, start_date DATE, year INT, date_text STRING, note STRING);
// A notable statement; text is verbatim from the article named in `article`.
CREATE NODE TYPE Statement (name STRING KEY, aliases LIST<STRING> NOT NULL, alias_sources LIST<STRING>, alias_attested LIST<BOOL>, text STRING NOT NULL, direct BOOL, fact STRING, rank STRING, reason STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// A kind of actor (analyst, official, journalist, medium, news agency, head of state, military commander): classes are data, not free text.
CREATE NODE TYPE Class (name STRING KEY, aliases LIST<STRING> NOT NULL, alias_sources LIST<STRING>, alias_attested LIST<BOOL>);
// An office or post (title + institution: President of Kazakhstan), as Wikidata's "position held"; people hold it through HOLDS_ROLE claims.
CREATE NODE TYPE Role (name STRING KEY, aliases LIST<STRING> NOT NULL, alias_sources LIST<STRING>, alias_attested LIST<BOOL>, title STRING NOT NULL);
// A subject that statements or events are about.
CREATE NODE TYPE Topic (name STRING KEY, aliases LIST<STRING> NOT NULL, alias_sources LIST<STRING>, alias_attested LIST<BOOL>);

// The article names the entity (quote = where it is named).
CREATE RELATIONSHIP TYPE MENTIONS (Article -> ANY, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The person wrote the article (byline).
CREATE RELATIONSHIP TYPE AUTHORED (Person -> Article, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The article was published by the outlet (its publisher; sources it cites are CITES).
CREATE RELATIONSHIP TYPE PUBLISHED_BY (Article -> Organization, role STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// An article was published on a day, or a statement was posted on a platform.
CREATE RELATIONSHIP TYPE PUBLISHED_ON (Article -> Day, Statement -> Organization, as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// Cited as a source: the article or statement names this outlet, agency or person as where it (or a picture in it) came from; role says how (original source, wire source, photo, photo copyright, photo agency, relayed the statement).
CREATE RELATIONSHIP TYPE CITES (Article|Statement -> Organization|Person, role STRING NOT NULL, as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The country is a member state of the organisation.
CREATE RELATIONSHIP TYPE MEMBER_OF (Country -> Organization, since INT, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The country was formerly part of the (historical) state.
CREATE RELATIONSHIP TYPE FORMERLY_PART_OF (Country -> Country, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// Structural or compositional inclusion (body of an alliance, unit in a deployment, sub-event).
CREATE RELATIONSHIP TYPE PART_OF (Organization|Group -> Organization, MilitaryUnit|Event -> Deployment, Event -> Event, contingent STRING, as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// Leadership: a country/body leads an alliance, a person leads a country, body or deployment.
CREATE RELATIONSHIP TYPE LEADS (Country|Organization -> Organization, Person -> Country|Organization|Deployment, role STRING, as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The country backs the organisation (wording "Russian-backed").
CREATE RELATIONSHIP TYPE BACKS (Country -> Organization, as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The country dominates the organisation (wording "Russian-dominated").
CREATE RELATIONSHIP TYPE DOMINATES (Country -> Organization, as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// An article compares one thing with another.
CREATE RELATIONSHIP TYPE COMPARED_TO (Organization -> Organization, Deployment -> Event, comparison STRING, as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// Where a person, group or organisation is based or lives.
CREATE RELATIONSHIP TYPE BASED_IN (Person|Organization|Group -> Place|Country, as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// Affiliation as worded in the text (state agency of, ministry of, photographer for...).
CREATE RELATIONSHIP TYPE AFFILIATED_WITH (Organization|MilitaryUnit|Person -> Country|Organization|Place, as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The government governs the country.
CREATE RELATIONSHIP TYPE GOVERNS (Organization -> Country, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The country is described as an ally of the other.
CREATE RELATIONSHIP TYPE ALLY_OF (Country -> Country, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The two countries share a border.
CREATE RELATIONSHIP TYPE BORDERS (Country -> Country, as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The person holds (status: current, former) the office, per the source; title is the one of the office's titles the claim uses; one relationship per distinct claim.
CREATE RELATIONSHIP TYPE HOLDS_ROLE (Person -> Role, title STRING NOT NULL, status STRING, since INT, age_reported INT, note STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The office is an office of this state, organisation or unit.
CREATE RELATIONSHIP TYPE ROLE_IN (Role -> Country|Organization|MilitaryUnit, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The person is the spokesperson of the other person.
CREATE RELATIONSHIP TYPE SPOKESPERSON_FOR (Person -> Person, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// Nationality as worded in the text.
CREATE RELATIONSHIP TYPE NATIONALITY (Person -> Country, as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// A journalist covers a country, organisation or region.
CREATE RELATIONSHIP TYPE REPORTS_ON (Person -> Country|Organization|Place, role STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// Who asked whom for help; reason_given only where that source gives it.
CREATE RELATIONSHIP TYPE REQUESTED_HELP_FROM (Person|Country -> Organization|Group, reason_given STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The person agreed to the request/event.
CREATE RELATIONSHIP TYPE AGREED_TO (Person -> Event, capacity STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The person or group supported (cheered on, praised) the decision/event.
CREATE RELATIONSHIP TYPE SUPPORTED (Person|Group -> Event, as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The person thanked someone.
CREATE RELATIONSHIP TYPE THANKED (Person -> Person|Organization, for_what STRING, as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The country sent troops to the deployment (sending states only; the host is DEPLOYED_TO).
CREATE RELATIONSHIP TYPE CONTRIBUTED_TROOPS (Country -> Deployment, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The deployment is sent to / stationed in the country.
CREATE RELATIONSHIP TYPE DEPLOYED_TO (Deployment -> Country, reading STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// Specific site where (part of) the deployment is posted.
CREATE RELATIONSHIP TYPE POSTED_AT (Deployment -> Place, contingent STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// What the deployment is said to guard; claimant names who said so.
CREATE RELATIONSHIP TYPE GUARDS (Deployment -> Place, as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The deployment supports the given force.
CREATE RELATIONSHIP TYPE ASSISTS (Deployment -> Organization, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// A claim about troop numbers, from the claimant (an Article when in the author's own voice).
CREATE RELATIONSHIP TYPE REPORTED_STRENGTH (Person|Organization|Group|Country|Article -> Deployment, troops INT NOT NULL, approximate BOOL, scope STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// A claim about aircraft used: count of that type; claimant names who said so.
CREATE RELATIONSHIP TYPE TRANSPORTED_BY (Deployment -> Aircraft, count INT, operator STRING, type_as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The deployment is described as the first of its kind for the organisation.
CREATE RELATIONSHIP TYPE FIRST_DEPLOYMENT_OF (Deployment -> Organization, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// An article's claim about when the organisation was founded (year or period as given).
CREATE RELATIONSHIP TYPE CLAIMED_FOUNDING (Article -> Organization, year INT, period STRING, after STRING, reading STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The place is (kind = capital / former capital / commercial capital) of the country, per the source.
CREATE RELATIONSHIP TYPE CAPITAL_OF (Place -> Country, kind STRING NOT NULL, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// Geographic containment.
CREATE RELATIONSHIP TYPE LOCATED_IN (Place -> Place|Country, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The site is operated by / belongs to the country, as worded.
CREATE RELATIONSHIP TYPE OPERATED_BY (Place -> Country, as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// Where an event took place.
CREATE RELATIONSHIP TYPE OCCURRED_IN (Event -> Place|Country, as_written STRING, certainty STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// A dating claim: the event/deployment happened on that day, per the source.
CREATE RELATIONSHIP TYPE OCCURRED_ON (Event|Deployment -> Day, day_as_written STRING, time_of_day STRING, qualifier STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// An actor took part in an event; role says how.
CREATE RELATIONSHIP TYPE PARTICIPATED_IN (Person|Organization|Group|Country|MilitaryUnit -> Event, role STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// Protesters protested against a person, body or event.
CREATE RELATIONSHIP TYPE PROTESTED_AGAINST (Group -> Person|Organization|Event, as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// One event caused or set off another (or the deployment).
CREATE RELATIONSHIP TYPE TRIGGERED (Event -> Event|Deployment, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// Temporal order between events/statements, with the interval if given.
CREATE RELATIONSHIP TYPE PRECEDED (Event|Statement -> Event, interval STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// A military intervention was aimed at (crushing) a movement.
CREATE RELATIONSHIP TYPE TARGETED (Event -> Event, as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The speaker made the statement (an Article when in the author's own, unsigned voice).
CREATE RELATIONSHIP TYPE SAID (Person|Organization|Group|Country|Article -> Statement, medium STRING, day_as_written STRING, time_of_day STRING, attribution STRING, as_co_author BOOL, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// What a statement (or event) is about.
CREATE RELATIONSHIP TYPE ABOUT (Statement -> ANY, Event -> Topic, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The statement was made during this event (e.g. an address).
CREATE RELATIONSHIP TYPE MADE_DURING (Statement -> Event, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The statement was offered as justification for the event (the request).
CREATE RELATIONSHIP TYPE JUSTIFIES (Statement -> Event, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// The entity is of this kind, as the article words it (as_written); for an office, its holders are of this kind.
CREATE RELATIONSHIP TYPE INSTANCE_OF (Person|Organization|Group|Role -> Class, as_written STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
// Editorial link: two articles render the same utterance with different wording or attribution.
CREATE RELATIONSHIP TYPE VARIANT_OF (Statement -> Statement, note STRING, claimants LIST<STRING> NOT NULL, rank STRING NOT NULL, reason STRING, inferred BOOL, rule STRING, fact STRING, sources LIST<STRING> NOT NULL, quotes LIST<STRING> NOT NULL);
