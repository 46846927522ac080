import type { AiTexts } from './types';

export const nl: AiTexts = {
  debugFacts: { lead: 'In deze fout: {facts}.', host: 'host', port: 'poort', path: 'pad', status: 'status' },
  help: {
    'getting-started': {
      title: 'Aan de slag met Levqor',
      summary:
        'Levqor voert workflows uit voor je team: een trigger (een webhook-aanroep of een schema) gevolgd door stappen zoals e-mails, HTTP-aanroepen, wachttijden en voorwaarden. Begin met een sjabloon of beschrijf de automatisering in gewone taal, controleer de stappen, sla haar op als concept en activeer haar als alles klopt.',
      steps: [
        'Open Workflows en kies Nieuwe workflow, of beschrijf hem in de AI-workflowbouwer op het dashboard.',
        'Controleer de stappen en sla de workflow op; hij begint als concept.',
        'Activeer hem in de lijst met workflows zodra je klaar bent.',
      ],
      keywords: 'beginnen starten eerste stappen instellen account nieuw basis introductie overzicht hoe werkt',
    },
    workflows: {
      title: 'Workflows en de negen staptypen',
      summary:
        'Een workflow begint met één trigger, gevolgd door maximaal 50 stappen. Er zijn negen staptypen: webhook-trigger, schematrigger (cron), HTTP-verzoek, wachttijd (tot 30 dagen), voorwaarde, transformatie, e-mail, log en run beëindigen (stopt een run eerder, bijvoorbeeld na de ‘waar’-kant van een voorwaarde). Stappen kunnen gegevens van eerdere stappen gebruiken met {{ plaatshouders }}, en een voorwaarde kan alleen vooruit springen.',
      steps: [
        'Open Workflows en kies Nieuwe workflow, of gebruik de AI-workflowbouwer.',
        'Begin met een webhook- of schematrigger en voeg de stappen toe die je nodig hebt.',
        'Sla op, controleer de stappen op de workflowpagina en activeer hem.',
      ],
      keywords: 'workflow workflows automatisering automatiseren stap stappen trigger webhook schema cron http wachten voorwaarde transformeren email log maken bewerken activeren pauzeren',
    },
    templates: {
      title: 'Beginnen met een sjabloon',
      summary:
        'Sjablonen zijn kant-en-klare workflows voor veelvoorkomende taken, zoals leads uit een formulier verzamelen of een wekelijks overzicht versturen. Kies je er een, dan ontstaat een kopie in je werkruimte die je kunt hernoemen en aanpassen voordat je hem activeert.',
      steps: [
        'Open de lijst met sjablonen op je dashboard.',
        'Kies het sjabloon dat bij je taak past en maak je kopie.',
        'Pas de e-mailteksten, URL’s en het schema aan en activeer hem.',
      ],
      keywords: 'sjabloon sjablonen voorbeeld voorbeelden galerij recept bibliotheek kopiëren gebruiken',
    },
    referrals: {
      title: 'Je verwijzingslink delen',
      summary:
        'Elke gebruiker heeft een persoonlijke verwijzingslink. Meldt iemand zich via die link aan, dan verschijnt die persoon in je verwijzingsresultaten, en wordt hij betalende klant, dan wordt de verwijzing als geconverteerd gemarkeerd.',
      steps: [
        'Zoek je verwijzingslink in het groeipaneel op het dashboard.',
        'Kopieer de link en deel hem met mensen die Levqor kunnen gebruiken.',
        'Volg aanmeldingen en conversies in je verwijzingsresultaten.',
      ],
      keywords: 'verwijzing verwijzingen doorverwijzen vriend link delen uitnodigen code beloning aanbevelen affiliate conversies aanmeldingen',
    },
    'invite-teammate': {
      title: 'Een teamgenoot uitnodigen',
      summary:
        'Eigenaren nodigen teamgenoten uit via de pagina Team: vul het e-mailadres in en kies een rol, lid of eigenaar. De uitnodigingslink werkt één keer en verloopt na 7 dagen; heeft deze server geen e-mail ingesteld, dan kopieert de eigenaar de link en stuurt die zelf. De genodigde kiest een naam en wachtwoord en komt in je workspace.',
      steps: [
        'Open Team in het dashboard (alleen eigenaren).',
        'Vul het e-mailadres in, kies lid of eigenaar en verstuur de uitnodiging.',
        'Wijzig rollen of verwijder leden op dezelfde pagina; de laatste eigenaar kan niet vertrekken of worden teruggezet.',
      ],
      keywords: 'uitnodigen uitnodiging teamgenoot collega team lid leden toevoegen gebruiker gebruikers toegang lid worden samenwerken',
    },
    'billing-trial': {
      title: 'Abonnementen, prijzen en je gratis proefperiode',
      summary:
        'Elke werkruimte begint met: {trial}. Maandabonnementen: {monthly}. Jaarabonnementen: {yearly}. Done-For-You-inrichting: {dfy}. Support antwoordt binnen {sla}.',
      steps: [
        'Open de prijspagina en vergelijk de abonnementen, per maand of per jaar.',
        'Kies een abonnement en rond de betaling af met je kaart.',
        'Om kosten te voorkomen, zeg je op vóór dag 7 van je proefperiode.',
      ],
      keywords: 'prijs prijzen abonnement abonnementen plan kosten kost hoeveel facturering betaling proefperiode gratis kaart opzeggen maandelijks jaarlijks',
    },
    'health-tiles': {
      title: 'De dienststatus lezen',
      summary:
        'Het paneel Status van de dienst op het dashboard toont of Levqor werkt en of je workflow-uitvoeringen op tijd starten. Groen is OK, oranje een waarschuwing of vertraging, rood dat iets uitligt. Het ververst elke 30 seconden; Levqor-beheerders zien ook een tegel per infrastructuurcontrole.',
      steps: [
        'Bekijk de statusbadge bovenaan het paneel.',
        'Staan je uitvoeringen op Vertraagd, dan starten ze later maar gaan ze niet verloren.',
        'Blijft het rood, laat het je Levqor-beheerder weten; incidenten worden automatisch vastgelegd.',
      ],
      keywords: 'status gezondheid tegel tegels systeem storing uitgevallen rood oranje groen database fouten monitoring incident',
    },
    reports: {
      title: 'Weekrapporten',
      summary:
        'Elke maandag om 08:00 (Londense tijd) krijgt je workspace zijn weekrapport: workflows, uitvoeringen en hun slagingspercentage, API-aanroepen, AI-credits en verwijzingen, elk naast de week ervoor. Open Rapporten in het dashboard; eigenaren krijgen het ook per e-mail als e-mail is ingesteld. Levqor-beheerders lezen daarnaast een platformrapport op de beheerpagina Rapporten.',
      steps: [
        'Open Rapporten in het dashboard.',
        'Vergelijk de week met de vorige: uitvoeringen, slagingspercentage en gebruik.',
        'Open Uitvoeringen om te zien waarom een uitvoering mislukte.',
      ],
      keywords: 'rapport rapporten wekelijks week samenvatting statistieken cijfers omzet mrr',
    },
    security: {
      title: 'Beveiliging en privacy',
      summary:
        'Wachtwoorden worden gehasht met Argon2id, herhaalde mislukte aanmeldingen worden afgeremd en de gegevens van elke werkruimte blijven gescheiden: een andere werkruimte ziet jouw workflows nooit. IP-adressen worden alleen als gezouten hashes bewaard, logs bevatten nooit persoonsgegevens en externe diensten (betalingen, AI, e-mail) worden alleen benaderd als ze zijn ingesteld.',
      steps: [
        'Gebruik een lang, uniek wachtwoord, of meld je aan met Google, GitHub of Microsoft als dat kan.',
        'Meld je af op gedeelde computers.',
        'Geef API-sleutels in HTTP-stappen alleen de toegang die de workflow nodig heeft.',
      ],
      keywords: 'beveiliging veilig privacy gegevens wachtwoord versleuteling avg beschermen persoonlijk',
    },
    support: {
      title: 'Hulp krijgen van support',
      summary:
        'Open een ticket onder Support in het dashboardmenu: je hele werkruimte ziet de tickets. We antwoorden binnen de termijn van je abonnement ({sla}) en opnieuw binnen die termijn telkens als je reageert; als deze server e-mail verstuurt, krijg je ons antwoord ook per e-mail. Sluit het ticket als alles geregeld is en beoordeel ons antwoord van 1 tot 5. Zonder account, of als je niet kunt inloggen, gebruik je de contactpagina onderaan elke pagina.',
      steps: [
        'Open Support in het dashboardmenu.',
        'Geef het ticket een onderwerp en beschrijf wat je hebt geprobeerd, wat er gebeurde en, bij een run, de link ervan.',
        'Volg het antwoord op de pagina van het ticket: reageer, of sluit het en beoordeel het.',
      ],
      keywords: 'support hulp contact ticket tickets vraag probleem fout antwoord termijn mens e-mail bericht klacht geblokkeerd',
    },
    password: {
      title: 'Je wachtwoord wijzigen of opnieuw instellen',
      summary:
        'Om je wachtwoord te wijzigen open je Instellingen en vul je het huidige en twee keer het nieuwe in: elke andere browser die met je account is ingelogd, wordt uitgelogd. Ben je het vergeten, kies dan „Wachtwoord vergeten?” op de inlogpagina: Levqor mailt je een link die één keer werkt, een uur lang. Op een server die geen e-mail kan versturen, vraag je je beheerder om een link.',
      steps: [
        'Open Instellingen via het menu van het dashboard.',
        'Vul onder Wachtwoord het huidige en twee keer het nieuwe in en kies Wachtwoord wijzigen.',
        'Vergeten? Kies op de inlogpagina „Wachtwoord vergeten?” en volg de link in de e-mail.',
      ],
      keywords: 'wachtwoord wijzigen veranderen opnieuw instellen vergeten kwijt nieuw inloggen geblokkeerd link email herstellen',
    },
    'ai-credits': {
      title: 'AI-hulpmiddelen en AI-tegoed',
      summary:
        'De AI-hulpmiddelen beantwoorden vragen, bouwen workflows uit een beschrijving, leggen fouten uit en stellen je volgende stappen voor. Elk verzoek gebruikt AI-tegoed uit de maandelijkse toewijzing van je werkruimte ({credits}); proefperiodes krijgen de Starter-toewijzing. Toewijzingen worden op de eerste dag van elke maand vernieuwd.',
      steps: [
        'Bekijk bovenaan de AI-hulpmiddelen hoeveel tegoed er over is.',
        'Antwoorden van de ingebouwde engine kosten 1 tegoed en antwoorden van OpenAI 2; de startchecklist is gratis.',
        'Meer nodig? Stap over op een groter abonnement via de prijspagina.',
      ],
      keywords: 'ai tegoed credits credit assistent hulpmiddel chat bouwer debugger limiet toewijzing verbruik openai gpt',
    },
    language: {
      title: 'Je taal wijzigen',
      summary:
        'Levqor is beschikbaar in het Engels, Spaans, Frans, Duits, Portugees, Italiaans, Nederlands, Hindi en Japans. Kies je taal in het taalmenu in de kop; je keuze wordt voor je account onthouden.',
      steps: ['Open het taalmenu in de kop.', 'Kies je taal; de pagina laadt opnieuw in die taal.', 'De AI-hulpmiddelen antwoorden in dezelfde taal.'],
      keywords: 'taal talen vertalen vertaling engels spaans frans duits portugees italiaans nederlands hindi japans',
    },
  },
  chat: {
    noMatch: 'Ik kon geen helpartikel vinden dat hierop antwoord geeft. Deze onderwerpen kunnen helpen:',
  },
  debug: {
    connection_refused: {
      title: 'Verbinding geweigerd',
      explanation:
        'De server werd bereikt, maar niets accepteerde de verbinding op die poort: de dienst draait niet, luistert op een andere poort, of een firewall weigert haar.',
      steps: [
        'Controleer of de dienst draait en luistert op de host en poort uit de URL.',
        'Open de URL met een ander hulpmiddel (curl, een browser) om te bevestigen dat hij antwoordt.',
        'Staat hij achter een firewall, sta dan verbindingen van Levqor toe.',
      ],
      prevention: ['Bewaak de beschikbaarheid van het endpoint en laat je waarschuwen als het niet meer antwoordt.', 'Houd de URL in de workflow bij als de dienst verhuist.'],
    },
    connection_reset: {
      title: 'Verbinding verbroken',
      explanation: 'De verbinding werd geopend en daarna abrupt gesloten door de andere kant of een proxy, voordat er een volledig antwoord was.',
      steps: [
        'Probeer het verzoek opnieuw: een reset komt vaak door een herstart of een korte netwerkstoring.',
        'Bekijk de logs van de doeldienst op crashes of gesloten verbindingen.',
        'Zorg dat een proxy of load balancer lange verzoeken niet afbreekt.',
      ],
      prevention: ['Zet nieuwe pogingen met oplopende wachttijd aan voor deze dienst.', 'Houd verzoeken en antwoordtijden klein.'],
    },
    dns: {
      title: 'Hostnaam niet gevonden (DNS)',
      explanation: 'De hostnaam in de URL kon niet naar een adres worden omgezet: hij is verkeerd gespeld, bestaat niet, of DNS antwoordt niet.',
      steps: [
        'Controleer de hostnaam in de URL op typefouten.',
        'Bevestig dat het domein bestaat en DNS-records heeft (bijvoorbeeld met dig of nslookup).',
        'Is het domein net aangemaakt of verhuisd, wacht dan tot DNS is bijgewerkt en probeer opnieuw.',
      ],
      prevention: ['Kopieer URL’s uit de documentatie van de leverancier in plaats van ze over te typen.', 'Houd domeinverlengingen in de gaten zodat de naam nooit verloopt.'],
    },
    timeout: {
      title: 'Time-out',
      explanation: 'De andere kant antwoordde niet binnen de tijdslimiet, omdat die traag, overbelast of onbereikbaar is.',
      steps: [
        'Controleer of de dienst op dit moment traag is of plat ligt.',
        'Verhoog de time-out van de stap (tot 30 seconden) als de handeling echt lang duurt.',
        'Stuur minder gegevens per verzoek, of vraag de dienst om een sneller endpoint.',
      ],
      prevention: ['Voeg nieuwe pogingen met oplopende wachttijd toe voor trage afhankelijkheden.', 'Waarschuw bij stijgende antwoordtijden voordat ze de limiet raken.'],
    },
    tls: {
      title: 'TLS-/certificaatprobleem',
      explanation:
        'De beveiligde verbinding kon niet worden opgezet: het certificaat is verlopen, zelfondertekend, voor een andere hostnaam uitgegeven, of de keten is onvolledig.',
      steps: [
        'Open de URL in een browser en bekijk het certificaat (vervaldatum en hostnaam).',
        'Zorg dat de server de volledige certificaatketen meestuurt.',
        'Gebruik precies de hostnaam waarvoor het certificaat is uitgegeven.',
      ],
      prevention: ['Automatiseer het vernieuwen van certificaten (bijvoorbeeld met Let’s Encrypt).', 'Bewaak de vervaldatums van certificaten.'],
    },
    unauthorized: {
      title: 'Niet geverifieerd (401)',
      explanation: 'De dienst accepteerde de inloggegevens niet: de API-sleutel of het token ontbreekt, is onjuist, verlopen of ingetrokken.',
      steps: [
        'Controleer of de Authorization-header of API-sleutel in de stap staat.',
        'Maak een nieuwe sleutel of een nieuw token aan in het dashboard van de leverancier en vervang de oude.',
        'Zorg dat de sleutel bij de juiste omgeving hoort (live of test).',
      ],
      prevention: ['Vervang sleutels regelmatig en werk de workflows in dezelfde wijziging bij.', 'Gebruik liever duurzame servicesleutels dan persoonlijke tokens.'],
    },
    forbidden: {
      title: 'Niet toegestaan (403)',
      explanation: 'De inloggegevens werden herkend, maar geven geen toegang tot deze resource of actie.',
      steps: [
        'Controleer de rechten of scopes van de sleutel in het dashboard van de leverancier.',
        'Bevestig dat het account toegang heeft tot deze specifieke resource.',
        'Kijk of er IP-toegangslijsten zijn die het verzoek kunnen blokkeren.',
      ],
      prevention: ['Geef elke integratie een sleutel met precies de scopes die ze nodig heeft.', 'Leg vast welk account eigenaar is van elke integratie.'],
    },
    not_found: {
      title: 'Niet gevonden (404)',
      explanation: 'De server antwoordde, maar het pad of de resource in het verzoek bestaat niet (meer).',
      steps: [
        'Controleer het pad van de URL, inclusief versievoorvoegsels zoals /v1.',
        'Controleer of elke id in de URL nog bestaat.',
        'Vergelijk met de actuele API-documentatie van de leverancier.',
      ],
      prevention: ['Gebruik id’s uit eerdere stappen in plaats van ze vast in te voeren.', 'Volg de uitfaseringsberichten van de leverancier.'],
    },
    rate_limited: {
      title: 'Verzoeklimiet bereikt (429)',
      explanation: 'Er zijn in korte tijd te veel verzoeken verstuurd; de dienst weigert er meer tot het tijdvenster opnieuw begint.',
      steps: [
        'Wacht de tijd uit de Retry-After-header af en probeer het dan opnieuw.',
        'Voeg een wachtstap toe tussen reeksen aanroepen.',
        'Bekijk de limieten van de leverancier voor je abonnement.',
      ],
      prevention: ['Spreid geplande workflows over de tijd in plaats van ze tegelijk te starten.', 'Bundel meerdere items in één verzoek als de API dat toestaat.'],
    },
    server_error: {
      title: 'Serverfout (5xx)',
      explanation: 'De andere dienst faalde bij het verwerken van het verzoek (500, 502, 503 of 504); meestal ligt het probleem aan hun kant.',
      steps: [
        'Probeer het over een paar minuten opnieuw: veel 5xx-fouten zijn tijdelijk.',
        'Kijk op de statuspagina van de leverancier of er een storing is.',
        'Houdt het aan, stuur de leverancier dan de verzoek-id en het tijdstip.',
      ],
      prevention: ['Zet nieuwe pogingen met oplopende wachttijd aan voor deze stap.', 'Maak de workflow veilig om opnieuw uit te voeren (idempotente verzoeken).'],
    },
    invalid_json: {
      title: 'Ongeldige JSON',
      explanation: 'Een tekst die JSON had moeten zijn, kon niet worden gelezen: een aanhalingsteken, komma of haakje klopt niet, of het antwoord was HTML of leeg.',
      steps: [
        'Bekijk de ruwe tekst op de positie die de fout noemt.',
        'Controleer of het verzoek de header Content-Type: application/json meestuurt.',
        'Was het antwoord HTML, dan wijst de URL waarschijnlijk naar een webpagina of foutpagina.',
      ],
      prevention: ['Bouw JSON met een transformatiestap in plaats van met de hand.', 'Controleer voorbeelddata met een JSON-validator voordat je ze gebruikt.'],
    },
    schema_validation: {
      title: 'Validatie mislukt',
      explanation: 'De gegevens zijn geldige JSON maar hebben niet de verwachte vorm: een verplicht veld ontbreekt of een waarde heeft het verkeerde type of formaat.',
      steps: [
        'Lees de veldnaam en de melding in de fout.',
        'Vergelijk de gegevens met het verwachte formaat in de documentatie.',
        'Zet het veld om of koppel het in een eerdere transformatiestap.',
      ],
      prevention: ['Test de workflow met een realistisch voorbeeld voordat je hem activeert.', 'Voeg eerst een voorwaardestap toe die de verplichte velden controleert.'],
    },
    card_declined: {
      title: 'Kaart geweigerd',
      explanation: 'De kaartuitgever weigerde de betaling (bijvoorbeeld onvoldoende saldo, een verlopen kaart of een verkeerde beveiligingscode).',
      steps: [
        'Controleer het kaartnummer, de vervaldatum en de beveiligingscode.',
        'Probeer een andere kaart, of vraag de bank de betaling toe te staan.',
        'Probeer de betaling opnieuw zodra de kaart in orde is.',
      ],
      prevention: ['Werk de opgeslagen kaart bij voordat die verloopt.', 'Let op e-mails over mislukte betalingen.'],
    },
    webhook_signature: {
      title: 'Webhook-handtekening ongeldig',
      explanation:
        'De handtekening van de webhook klopte niet: het ondertekeningsgeheim is onjuist, de body is vóór de controle veranderd (gelezen en opnieuw geserialiseerd), of het tijdstempel is te oud.',
      steps: [
        'Kopieer het ondertekeningsgeheim van precies dit endpoint opnieuw (test- en livegeheimen verschillen).',
        'Controleer de handtekening op de ruwe body van het verzoek, byte voor byte.',
        'Controleer de klok van de server: handtekeningen ouder dan de tolerantie worden geweigerd.',
      ],
      prevention: ['Gebruik één geheim per endpoint en omgeving.', 'Lees de body nooit voordat de handtekening is gecontroleerd.'],
    },
    unknown: {
      title: 'Onbekende fout',
      explanation: 'Deze fout past niet bij een bekend patroon. De algemene checklist hieronder vindt de meeste oorzaken.',
      steps: [
        'Zoek de eerste fout in de log: latere fouten zijn vaak gevolgen.',
        'Controleer de URL, inloggegevens en invoer van de stap die mislukte.',
        'Voer de stap opnieuw uit met een kleine testinvoer.',
      ],
      prevention: ['Log genoeg context (stap, statuscode) om fouten te kunnen analyseren.', 'Test workflows met voorbeeldgegevens voordat je ze activeert.'],
    },
  },
  builder: {
    answer: 'Hier is een conceptworkflow met {count} stappen. Controleer de aannames en sla hem dan op.',
    defaultName: 'Nieuwe automatisering',
    stepNames: {
      webhook: 'Als de webhook wordt aangeroepen',
      schedule: 'Volgens schema ({schedule})',
      delay: '{duration} wachten',
      condition: 'Alleen als {field} {operator} {value}',
      emailContact: 'E-mail naar het contact',
      emailTeam: 'E-mail naar het team',
      emailYou: 'E-mail naar jou',
      emailTo: 'E-mail naar {recipient}',
      http: '{method} {host}',
      transform: 'Gegevens omzetten',
      log: 'Uitvoering vastleggen',
      stop: 'Run beëindigen',
    },
    operators: { contains: 'bevat', exists: 'bestaat', equals: '=', not_equals: '≠', greater_than: '>', less_than: '<' },
    email: {
      contactSubject: 'Bedankt voor je bericht',
      contactBody: 'Hoi {{ body.name }},\n\nBedankt voor je bericht. We nemen snel contact met je op.',
      welcomeSubject: 'Welkom aan boord',
      welcomeBody: 'Hoi {{ body.name }},\n\nWelkom! Fijn dat je erbij bent. Beantwoord deze e-mail als je vragen hebt.',
      followUpSubject: 'Even navragen',
      followUpBody: 'Hoi {{ body.name }},\n\nWe komen even terug op je verzoek. Kunnen we je nog ergens mee helpen?',
      teamSubject: 'Nieuwe gebeurtenis uit je workflow',
      teamBody: 'Er is een nieuwe gebeurtenis binnengekomen:\n\n{{ body }}',
      scheduleSubject: 'Je geplande update',
      scheduleBody: 'Dit is je geplande bericht van Levqor.',
      responseBody: 'Het nieuwste resultaat:\n\n{{ response.body }}',
    },
    logMessage: 'Workflow uitgevoerd',
    assumptions: {
      noTrigger: 'Er is geen trigger beschreven, dus de workflow start wanneer zijn webhook wordt aangeroepen.',
      webhook: 'Hij start wanneer zijn webhook-URL een verzoek ontvangt: koppel je formulier of app daaraan.',
      defaultTime: 'Er is geen tijd opgegeven, dus hij draait om {time}.',
      defaultWeekday: 'Er is geen dag opgegeven, dus hij draait op maandag.',
      timezone: 'Tijden zijn in UTC; wijzig zo nodig de tijdzone voordat je hem activeert.',
      contactRecipient: 'De e-mail gaat naar {recipient}, het e-mailadres uit de binnenkomende gegevens.',
      teamRecipient: 'Vervang {recipient} door het e-mailadres van je team.',
      userRecipient: 'De e-mail gaat naar jou ({recipient}); wijzig zo nodig de ontvanger.',
      placeholderUrl: 'Er is geen URL opgegeven: vervang {url} door het echte adres voordat je hem activeert.',
      conditionStops: 'Is de voorwaarde onwaar, dan stopt de uitvoering.',
      approxOperator: '‘{original}’ wordt gecontroleerd als ‘{checked}’; pas de waarde zo nodig aan.',
      delayCapped: 'Wachttijden zijn beperkt tot 30 dagen.',
      addedLog: 'Er is geen actie herkend, dus de workflow legt elke uitvoering vast in de log.',
      skipped: 'Niet begrepen en weggelaten: ‘{text}’.',
      transformGeneric: 'De transformatie geeft de binnenkomende gegevens door als ‘{field}’; pas de koppeling aan.',
      draft: 'Hij wordt opgeslagen als concept; activeer hem zodra je klaar bent.',
      tooManySteps: 'Alleen de eerste 50 stappen zijn behouden.',
      invalidFallback: 'De stappen die ik maakte kwamen niet door de controle, dus dit concept bevat alleen de trigger en een logstap: voeg de rest toe in de editor, die elk probleem uitlegt.',
      scheduleNoData: 'Een planning brengt geen gegevens mee: de controle op {field} heeft niets te lezen tenzij een eerdere stap de gegevens ophaalt (voeg eerst een HTTP-verzoek toe).',
      relativeTiming: '“{when}” hangt af van een datum in je gegevens, dus dit concept draait elke dag om 09:00 (UTC): haal de komende items op met een HTTP-stap en voeg een voorwaarde op hun datum toe.',
      elseBranch: 'Is de voorwaarde waar, dan doet de run {then} en stopt daar (stap “{end}”); is ze onwaar, dan springt de run naar “{otherwise}”. Pas de takken aan in de editor als je het anders wilt.',
    },
  },
  onboarding: {
    items: {
      create_workflow: { title: 'Maak je eerste workflow', action: 'Maak je eerste workflow vanuit een sjabloon of in Workflows.' },
      try_builder: { title: 'Probeer de AI-workflowbouwer', action: 'Beschrijf een automatisering in gewone taal in de AI-workflowbouwer.' },
      activate_workflow: { title: 'Activeer een workflow', action: 'Activeer een workflow zodat hij gaat draaien.' },
      share_referral: { title: 'Deel je verwijzingslink', action: 'Deel je verwijzingslink met iemand die Levqor kan gebruiken.' },
      choose_plan: { title: 'Kies een abonnement', action: 'Kies een abonnement op de prijspagina zodat je workflows na de proefperiode blijven draaien.' },
    },
    progress: 'Je hebt {done} van de {total} stappen voor het instellen afgerond.',
    allDone: 'Je werkruimte is helemaal ingericht. Goed gedaan!',
    trialDaysLeft: { one: 'Je gratis proefperiode eindigt over # dag.', other: 'Je gratis proefperiode eindigt over # dagen.' },
    trialEndsToday: 'Je gratis proefperiode eindigt vandaag.',
    trialReminder: 'Herinnering: {trial}.',
  },
};
