import type { AiTexts } from './types';

export const de: AiTexts = {
  debugFacts: { lead: 'In diesem Fehler: {facts}.', host: 'Host', port: 'Port', path: 'Pfad', status: 'Status' },
  help: {
    'getting-started': {
      title: 'Erste Schritte mit Levqor',
      summary:
        'Levqor führt Workflows für Ihr Team aus: ein Auslöser (ein Webhook-Aufruf oder ein Zeitplan), gefolgt von Schritten wie E-Mails, HTTP-Aufrufen, Wartezeiten und Bedingungen. Starten Sie mit einer Vorlage oder beschreiben Sie die Automatisierung in eigenen Worten, prüfen Sie die Schritte, speichern Sie sie als Entwurf und aktivieren Sie sie, wenn alles passt.',
      steps: [
        'Öffnen Sie Workflows und wählen Sie Neuer Workflow, oder beschreiben Sie ihn im KI-Workflow-Builder auf dem Dashboard.',
        'Prüfen Sie die Schritte und speichern Sie den Workflow; er beginnt als Entwurf.',
        'Aktivieren Sie ihn in der Workflow-Liste, sobald Sie bereit sind.',
      ],
      keywords: 'start anfangen beginnen erste schritte einrichten konto neu grundlagen einführung überblick funktioniert',
    },
    workflows: {
      title: 'Workflows und die neun Schritttypen',
      summary:
        'Ein Workflow beginnt mit einem Auslöser, danach folgen bis zu 50 Schritte. Es gibt neun Schritttypen: Webhook-Auslöser, Zeitplan-Auslöser (Cron), HTTP-Anfrage, Wartezeit (bis zu 30 Tage), Bedingung, Transformation, E-Mail, Protokoll und Lauf beenden (beendet einen Lauf früher, etwa nach dem „wahr“-Zweig einer Bedingung). Schritte können Daten früherer Schritte über {{ Platzhalter }} nutzen, und eine Bedingung kann nur nach vorne springen.',
      steps: [
        'Öffnen Sie Workflows und wählen Sie Neuer Workflow, oder nutzen Sie den KI-Workflow-Builder.',
        'Beginnen Sie mit einem Webhook- oder Zeitplan-Auslöser und fügen Sie die nötigen Schritte hinzu.',
        'Speichern Sie, prüfen Sie die Schritte auf der Workflow-Seite und aktivieren Sie ihn.',
      ],
      keywords: 'workflow workflows automatisierung automatisieren schritt schritte auslöser webhook zeitplan cron http wartezeit bedingung transformieren email protokoll erstellen bearbeiten aktivieren pausieren',
    },
    templates: {
      title: 'Mit einer Vorlage starten',
      summary:
        'Vorlagen sind fertige Workflows für häufige Aufgaben, etwa Leads aus einem Formular erfassen oder eine wöchentliche Übersicht versenden. Wählen Sie eine aus, entsteht eine Kopie in Ihrem Arbeitsbereich, die Sie umbenennen und anpassen können, bevor Sie sie aktivieren.',
      steps: [
        'Öffnen Sie die Vorlagenliste auf Ihrem Dashboard.',
        'Wählen Sie die passende Vorlage und erstellen Sie Ihre Kopie.',
        'Passen Sie E-Mail-Texte, URLs und Zeitplan an und aktivieren Sie sie dann.',
      ],
      keywords: 'vorlage vorlagen beispiel beispiele galerie rezept bibliothek kopieren verwenden',
    },
    referrals: {
      title: 'Ihren Empfehlungslink teilen',
      summary:
        'Jeder Nutzer hat einen persönlichen Empfehlungslink. Wenn sich jemand darüber registriert, erscheint er in Ihren Empfehlungsergebnissen, und sobald er zahlender Kunde wird, wird die Empfehlung als umgewandelt markiert.',
      steps: [
        'Sie finden Ihren Empfehlungslink im Wachstumsbereich des Dashboards.',
        'Kopieren Sie den Link und teilen Sie ihn mit Menschen, denen Levqor nützt.',
        'Verfolgen Sie Registrierungen und Umwandlungen in Ihren Empfehlungsergebnissen.',
      ],
      keywords: 'empfehlung empfehlungen empfehlen freund link teilen einladen code belohnung partner umwandlungen registrierungen',
    },
    'invite-teammate': {
      title: 'Teammitglied einladen',
      summary:
        'Inhaber laden Teammitglieder auf der Seite Team ein: E-Mail-Adresse und Rolle eingeben, Mitglied oder Inhaber. Der Einladungslink funktioniert einmal und läuft nach 7 Tagen ab; hat dieser Server keine E-Mail eingerichtet, kopiert der Inhaber den Link und schickt ihn selbst. Die eingeladene Person wählt Namen und Passwort und tritt Ihrem Arbeitsbereich bei.',
      steps: [
        'Öffnen Sie Team im Dashboard (nur Inhaber).',
        'Geben Sie die E-Mail-Adresse ein, wählen Sie Mitglied oder Inhaber und senden Sie die Einladung.',
        'Rollen ändern oder Mitglieder entfernen Sie auf derselben Seite; der letzte Inhaber kann nicht gehen oder herabgestuft werden.',
      ],
      keywords: 'einladen lade einladung teammitglied teammitglieder kollege kollegen kollegin team mitglied mitglieder hinzufügen nutzer benutzer zugang beitreten zusammenarbeiten',
    },
    'billing-trial': {
      title: 'Tarife, Preise und Ihre kostenlose Testphase',
      summary:
        'Jeder Arbeitsbereich startet mit: {trial}. Monatliche Tarife: {monthly}. Jährliche Tarife: {yearly}. Done-For-You-Einrichtung: {dfy}. Der Support antwortet innerhalb von {sla}.',
      steps: [
        'Öffnen Sie die Preisseite und vergleichen Sie die Tarife, monatlich oder jährlich.',
        'Wählen Sie einen Tarif und schließen Sie die Zahlung mit Ihrer Karte ab.',
        'Um Kosten zu vermeiden, kündigen Sie vor Tag 7 Ihrer Testphase.',
      ],
      keywords: 'preis preise tarif tarife plan kosten kostet wieviel abrechnung zahlung abo abonnement testphase kostenlos gratis karte kündigen monatlich jährlich',
    },
    'health-tiles': {
      title: 'Den Dienststatus lesen',
      summary:
        'Der Bereich Dienststatus im Dashboard zeigt, ob Levqor läuft und ob Ihre Workflow-Ausführungen pünktlich starten. Grün heißt OK, gelb eine Warnung oder Verzögerung, rot ein Ausfall. Er aktualisiert sich alle 30 Sekunden; Levqor-Admins sehen zusätzlich eine Kachel pro Infrastrukturprüfung.',
      steps: [
        'Sehen Sie sich das Statusabzeichen oben im Bereich an.',
        'Zeigen Ihre Ausführungen Verzögert, starten sie später, gehen aber nicht verloren.',
        'Bleibt es rot, geben Sie Ihrem Levqor-Admin Bescheid; Vorfälle werden automatisch erfasst.',
      ],
      keywords: 'status gesundheit kachel kacheln system ausfall beeinträchtigt rot gelb grün datenbank fehler überwachung vorfall',
    },
    reports: {
      title: 'Wochenberichte',
      summary:
        'Jeden Montag um 08:00 (Londoner Zeit) bekommt Ihr Arbeitsbereich seinen Wochenbericht: Workflows, Ausführungen und ihre Erfolgsquote, API-Aufrufe, KI-Credits und Empfehlungen, jeweils neben der Vorwoche. Öffnen Sie Berichte im Dashboard; Inhaber bekommen ihn auch per E-Mail, wenn E-Mail eingerichtet ist. Levqor-Admins lesen zusätzlich einen Plattformbericht auf der Admin-Seite Berichte.',
      steps: [
        'Öffnen Sie Berichte im Dashboard.',
        'Vergleichen Sie die Woche mit der Vorwoche: Ausführungen, Erfolgsquote und Nutzung.',
        'Öffnen Sie Ausführungen, um zu sehen, warum eine Ausführung fehlschlug.',
      ],
      keywords: 'bericht berichte wöchentlich woche zusammenfassung kennzahlen zahlen umsatz mrr statistik',
    },
    security: {
      title: 'Sicherheit und Datenschutz',
      summary:
        'Passwörter werden mit Argon2id gehasht, wiederholte Fehlanmeldungen werden gebremst, und die Daten jedes Arbeitsbereichs bleiben getrennt: Ein anderer Arbeitsbereich sieht Ihre Workflows nie. IP-Adressen werden nur als gesalzene Hashes gespeichert, Protokolle enthalten keine personenbezogenen Daten, und externe Dienste (Zahlungen, KI, E-Mail) werden nur kontaktiert, wenn sie eingerichtet sind.',
      steps: [
        'Nutzen Sie ein langes, einzigartiges Passwort oder melden Sie sich mit Google, GitHub oder Microsoft an, wenn angeboten.',
        'Melden Sie sich an gemeinsam genutzten Computern ab.',
        'Geben Sie API-Schlüsseln in HTTP-Schritten nur den Zugriff, den der Workflow braucht.',
      ],
      keywords: 'sicherheit sicher datenschutz daten passwort verschlüsselung dsgvo schützen persönlich',
    },
    support: {
      title: 'Hilfe vom Support bekommen',
      summary:
        'Eröffnen Sie ein Ticket unter Support im Dashboard-Menü: Ihr ganzer Arbeitsbereich sieht seine Tickets. Wir antworten innerhalb der Frist Ihres Tarifs ({sla}) und nach jeder Ihrer Antworten erneut innerhalb dieser Frist; wenn dieser Server E-Mails versendet, erhalten Sie unsere Antwort auch per E-Mail. Schließen Sie das Ticket, wenn alles erledigt ist, und bewerten Sie unsere Antwort von 1 bis 5. Ohne Konto, oder wenn Sie sich nicht anmelden können, nutzen Sie die Kontaktseite, die unten auf jeder Seite verlinkt ist.',
      steps: [
        'Öffnen Sie Support im Dashboard-Menü.',
        'Geben Sie dem Ticket einen Betreff und beschreiben Sie, was Sie versucht haben, was passiert ist und bei einem Lauf dessen Link.',
        'Verfolgen Sie die Antwort auf der Seite des Tickets: antworten Sie, oder schließen und bewerten Sie es.',
      ],
      keywords: 'support hilfe kontakt ticket tickets frage problem fehler antwort antwortzeit mensch e-mail nachricht beschwerde gesperrt',
    },
    password: {
      title: 'Passwort ändern oder zurücksetzen',
      summary:
        'Um Ihr Passwort zu ändern, öffnen Sie die Einstellungen und geben das aktuelle und zweimal das neue ein: Alle anderen Browser, die mit Ihrem Konto angemeldet sind, werden abgemeldet. Haben Sie es vergessen, wählen Sie auf der Anmeldeseite „Passwort vergessen?“: Levqor schickt Ihnen per E-Mail einen Link, der einmal und eine Stunde lang funktioniert. Auf einem Server ohne E-Mail-Versand bitten Sie Ihren Administrator um einen Link.',
      steps: [
        'Öffnen Sie die Einstellungen im Dashboard-Menü.',
        'Geben Sie unter Passwort das aktuelle und zweimal das neue ein und wählen Sie Passwort ändern.',
        'Vergessen? Wählen Sie auf der Anmeldeseite „Passwort vergessen?“ und folgen Sie dem Link in der E-Mail.',
      ],
      keywords: 'passwort ändern zurücksetzen vergessen verloren neu anmelden login gesperrt link email wiederherstellen',
    },
    'ai-credits': {
      title: 'KI-Helfer und KI-Credits',
      summary:
        'Die KI-Helfer beantworten Fragen, bauen Workflows aus einer Beschreibung, erklären Fehler und schlagen Ihre nächsten Schritte vor. Jede Anfrage verbraucht KI-Credits aus dem Monatskontingent Ihres Arbeitsbereichs ({credits}); Testphasen erhalten das Starter-Kontingent. Die Kontingente werden am Ersten jedes Monats erneuert.',
      steps: [
        'Oben bei den KI-Helfern sehen Sie, wie viele Credits übrig sind.',
        'Antworten der eingebauten Engine kosten 1 Credit, Antworten von OpenAI 2; die Onboarding-Checkliste ist kostenlos.',
        'Sie brauchen mehr? Wechseln Sie auf der Preisseite zu einem größeren Tarif.',
      ],
      keywords: 'ki credit credits kontingent assistent helfer chat builder debugger limit nutzung verbrauch openai gpt',
    },
    language: {
      title: 'Sprache ändern',
      summary:
        'Levqor gibt es auf Englisch, Spanisch, Französisch, Deutsch, Portugiesisch, Italienisch, Niederländisch, Hindi und Japanisch. Wählen Sie Ihre Sprache im Sprachmenü der Kopfzeile; die Wahl wird für Ihr Konto gespeichert.',
      steps: ['Öffnen Sie das Sprachmenü in der Kopfzeile.', 'Wählen Sie Ihre Sprache; die Seite lädt darin neu.', 'Die KI-Helfer antworten in derselben Sprache.'],
      keywords: 'sprache sprachen übersetzen übersetzung englisch spanisch französisch deutsch portugiesisch italienisch niederländisch hindi japanisch',
    },
  },
  chat: {
    noMatch: 'Ich habe keinen Hilfeartikel gefunden, der das beantwortet. Diese Themen könnten helfen:',
  },
  debug: {
    connection_refused: {
      title: 'Verbindung abgelehnt',
      explanation:
        'Der Server wurde erreicht, aber auf diesem Port hat nichts die Verbindung angenommen: Der Dienst läuft nicht, lauscht auf einem anderen Port, oder eine Firewall blockiert ihn.',
      steps: [
        'Prüfen Sie, ob der Dienst läuft und auf Host und Port aus der URL lauscht.',
        'Öffnen Sie die URL mit einem anderen Werkzeug (curl, Browser), um zu prüfen, ob sie antwortet.',
        'Steht er hinter einer Firewall, erlauben Sie Verbindungen von Levqor.',
      ],
      prevention: ['Überwachen Sie die Erreichbarkeit des Endpunkts und lassen Sie sich warnen, wenn er nicht mehr antwortet.', 'Halten Sie die URL im Workflow aktuell, wenn der Dienst umzieht.'],
    },
    connection_reset: {
      title: 'Verbindung zurückgesetzt',
      explanation: 'Die Verbindung wurde geöffnet und dann von der Gegenseite oder einem Proxy abrupt geschlossen, bevor eine vollständige Antwort ankam.',
      steps: [
        'Wiederholen Sie die Anfrage: Ein Reset kommt oft von einem Neustart oder einer kurzen Netzwerkstörung.',
        'Prüfen Sie die Logs des Zieldienstes auf Abstürze oder geschlossene Verbindungen.',
        'Stellen Sie sicher, dass kein Proxy oder Load Balancer lange Anfragen abbricht.',
      ],
      prevention: ['Aktivieren Sie Wiederholungen mit Backoff für diesen Dienst.', 'Halten Sie Anfragekörper und Antwortzeiten klein.'],
    },
    dns: {
      title: 'Hostname nicht gefunden (DNS)',
      explanation: 'Der Hostname in der URL ließ sich nicht in eine Adresse auflösen: Er ist falsch geschrieben, existiert nicht, oder DNS antwortet nicht.',
      steps: [
        'Prüfen Sie den Hostnamen in der URL auf Tippfehler.',
        'Bestätigen Sie, dass die Domain existiert und DNS-Einträge hat (etwa mit dig oder nslookup).',
        'Wurde die Domain gerade angelegt oder umgezogen, warten Sie auf die DNS-Verteilung und versuchen Sie es erneut.',
      ],
      prevention: ['Kopieren Sie URLs aus der Dokumentation des Anbieters, statt sie abzutippen.', 'Behalten Sie Domainverlängerungen im Blick, damit der Name nie ausläuft.'],
    },
    timeout: {
      title: 'Zeitüberschreitung',
      explanation: 'Die Gegenseite hat nicht innerhalb des Zeitlimits geantwortet, weil sie langsam, überlastet oder nicht erreichbar ist.',
      steps: [
        'Prüfen Sie, ob der Dienst gerade langsam ist oder ausgefallen ist.',
        'Erhöhen Sie das Zeitlimit des Schritts (bis zu 30 Sekunden), wenn der Vorgang tatsächlich lange dauert.',
        'Senden Sie weniger Daten pro Anfrage oder fragen Sie den Dienst nach einem schnelleren Endpunkt.',
      ],
      prevention: ['Fügen Sie Wiederholungen mit Backoff für langsame Abhängigkeiten hinzu.', 'Lassen Sie sich bei steigenden Antwortzeiten warnen, bevor sie das Limit erreichen.'],
    },
    tls: {
      title: 'TLS-/Zertifikatsproblem',
      explanation:
        'Die sichere Verbindung kam nicht zustande: Das Zertifikat ist abgelaufen, selbst signiert, für einen anderen Hostnamen ausgestellt, oder die Kette ist unvollständig.',
      steps: [
        'Öffnen Sie die URL im Browser und prüfen Sie das Zertifikat (Ablaufdatum und Hostname).',
        'Stellen Sie sicher, dass der Server die vollständige Zertifikatskette sendet.',
        'Verwenden Sie genau den Hostnamen, für den das Zertifikat ausgestellt wurde.',
      ],
      prevention: ['Automatisieren Sie die Zertifikatsverlängerung (zum Beispiel mit Let’s Encrypt).', 'Überwachen Sie die Ablaufdaten der Zertifikate.'],
    },
    unauthorized: {
      title: 'Nicht authentifiziert (401)',
      explanation: 'Der Dienst hat die Zugangsdaten nicht akzeptiert: Der API-Schlüssel oder das Token fehlt, ist falsch, abgelaufen oder widerrufen.',
      steps: [
        'Prüfen Sie, ob der Authorization-Header oder API-Schlüssel im Schritt vorhanden ist.',
        'Erstellen Sie im Dashboard des Anbieters einen neuen Schlüssel oder ein neues Token und ersetzen Sie das alte.',
        'Stellen Sie sicher, dass der Schlüssel zur richtigen Umgebung gehört (Live oder Test).',
      ],
      prevention: ['Rotieren Sie Schlüssel regelmäßig und aktualisieren Sie die Workflows in derselben Änderung.', 'Bevorzugen Sie langlebige Dienstschlüssel gegenüber persönlichen Tokens.'],
    },
    forbidden: {
      title: 'Nicht erlaubt (403)',
      explanation: 'Die Zugangsdaten wurden erkannt, gewähren aber keinen Zugriff auf diese Ressource oder Aktion.',
      steps: [
        'Prüfen Sie die Berechtigungen oder Scopes des Schlüssels im Dashboard des Anbieters.',
        'Bestätigen Sie, dass das Konto auf genau diese Ressource zugreifen darf.',
        'Suchen Sie nach IP-Freigabelisten, die die Anfrage blockieren könnten.',
      ],
      prevention: ['Geben Sie jeder Integration einen Schlüssel mit genau den nötigen Scopes.', 'Halten Sie fest, welchem Konto jede Integration gehört.'],
    },
    not_found: {
      title: 'Nicht gefunden (404)',
      explanation: 'Der Server hat geantwortet, aber der Pfad oder die Ressource der Anfrage existiert nicht (mehr).',
      steps: [
        'Prüfen Sie den URL-Pfad einschließlich Versionspräfixen wie /v1.',
        'Prüfen Sie, ob jede ID in der URL noch existiert.',
        'Vergleichen Sie mit der aktuellen API-Dokumentation des Anbieters.',
      ],
      prevention: ['Übernehmen Sie IDs aus früheren Schritten, statt sie fest einzutragen.', 'Verfolgen Sie die Abkündigungshinweise des Anbieters.'],
    },
    rate_limited: {
      title: 'Ratenlimit erreicht (429)',
      explanation: 'In kurzer Zeit wurden zu viele Anfragen gesendet; der Dienst lehnt weitere ab, bis sein Zeitfenster zurückgesetzt wird.',
      steps: [
        'Warten Sie die Zeit aus dem Retry-After-Header ab und versuchen Sie es dann erneut.',
        'Fügen Sie zwischen Aufrufserien einen Warteschritt ein.',
        'Prüfen Sie die Limits des Anbieters für Ihren Tarif.',
      ],
      prevention: ['Verteilen Sie geplante Workflows über die Zeit, statt sie gleichzeitig zu starten.', 'Bündeln Sie mehrere Einträge in einer Anfrage, wo die API es erlaubt.'],
    },
    server_error: {
      title: 'Serverfehler (5xx)',
      explanation: 'Der andere Dienst ist beim Bearbeiten der Anfrage gescheitert (500, 502, 503 oder 504); meist liegt das Problem auf seiner Seite.',
      steps: [
        'Versuchen Sie es in ein paar Minuten erneut: Viele 5xx-Fehler sind vorübergehend.',
        'Sehen Sie auf der Statusseite des Anbieters nach einer laufenden Störung.',
        'Hält es an, senden Sie dem Anbieter die Anfrage-ID und die Uhrzeit.',
      ],
      prevention: ['Aktivieren Sie Wiederholungen mit Backoff für diesen Schritt.', 'Machen Sie den Workflow wiederholbar ohne doppelte Wirkung (idempotente Anfragen).'],
    },
    invalid_json: {
      title: 'Ungültiges JSON',
      explanation: 'Ein Text, der JSON sein sollte, ließ sich nicht lesen: Ein Anführungszeichen, Komma oder eine Klammer stimmt nicht, oder die Antwort war HTML oder leer.',
      steps: [
        'Sehen Sie sich den Rohtext an der im Fehler genannten Position an.',
        'Prüfen Sie, ob die Anfrage den Header Content-Type: application/json sendet.',
        'War die Antwort HTML, zeigt die URL wahrscheinlich auf eine Webseite oder Fehlerseite.',
      ],
      prevention: ['Bauen Sie JSON mit einem Transformationsschritt statt von Hand.', 'Prüfen Sie Beispieldaten vor der Nutzung mit einem JSON-Validator.'],
    },
    schema_validation: {
      title: 'Validierung fehlgeschlagen',
      explanation: 'Die Daten sind gültiges JSON, haben aber nicht die erwartete Form: Ein Pflichtfeld fehlt, oder ein Wert hat den falschen Typ oder das falsche Format.',
      steps: [
        'Lesen Sie Feldname und Meldung im Fehler.',
        'Vergleichen Sie die Daten mit dem erwarteten Format in der Dokumentation.',
        'Bilden Sie das Feld in einem vorherigen Transformationsschritt ab oder wandeln Sie es um.',
      ],
      prevention: ['Testen Sie den Workflow vor dem Aktivieren mit einem realistischen Beispiel.', 'Fügen Sie zuerst einen Bedingungsschritt ein, der Pflichtfelder prüft.'],
    },
    card_declined: {
      title: 'Karte abgelehnt',
      explanation: 'Der Kartenaussteller hat die Zahlung abgelehnt (zum Beispiel wegen fehlender Deckung, abgelaufener Karte oder falscher Prüfziffer).',
      steps: [
        'Prüfen Sie Kartennummer, Ablaufdatum und Prüfziffer.',
        'Versuchen Sie eine andere Karte oder bitten Sie die Bank, die Zahlung zuzulassen.',
        'Wiederholen Sie die Zahlung, sobald die Karte in Ordnung ist.',
      ],
      prevention: ['Aktualisieren Sie die hinterlegte Karte, bevor sie abläuft.', 'Achten Sie auf E-Mails zu fehlgeschlagenen Zahlungen.'],
    },
    webhook_signature: {
      title: 'Webhook-Signatur ungültig',
      explanation:
        'Die Signatur des Webhooks passte nicht: Das Signaturgeheimnis ist falsch, der Body wurde vor der Prüfung verändert (gelesen und neu serialisiert), oder der Zeitstempel ist zu alt.',
      steps: [
        'Kopieren Sie das Signaturgeheimnis genau dieses Endpunkts erneut (Test- und Live-Geheimnisse unterscheiden sich).',
        'Prüfen Sie die Signatur auf dem rohen Request-Body, Byte für Byte.',
        'Prüfen Sie die Serveruhr: Signaturen, die älter als die Toleranz sind, werden abgelehnt.',
      ],
      prevention: ['Nutzen Sie ein Geheimnis pro Endpunkt und Umgebung.', 'Lesen Sie den Body nie, bevor die Signatur geprüft ist.'],
    },
    unknown: {
      title: 'Unbekannter Fehler',
      explanation: 'Dieser Fehler passt zu keinem bekannten Muster. Die allgemeine Checkliste unten findet die meisten Ursachen.',
      steps: [
        'Suchen Sie den ersten Fehler im Log: Spätere Fehler sind oft Folgen.',
        'Prüfen Sie URL, Zugangsdaten und Eingabedaten des fehlgeschlagenen Schritts.',
        'Führen Sie den Schritt mit einer kleinen Testeingabe erneut aus.',
      ],
      prevention: ['Protokollieren Sie genug Kontext (Schritt, Statuscode), um Fehler zu analysieren.', 'Testen Sie Workflows vor dem Aktivieren mit Beispieldaten.'],
    },
  },
  builder: {
    answer: 'Hier ist ein Workflow-Entwurf mit {count} Schritten. Prüfen Sie die Annahmen und speichern Sie ihn dann.',
    defaultName: 'Neue Automatisierung',
    stepNames: {
      webhook: 'Wenn der Webhook aufgerufen wird',
      schedule: 'Nach Zeitplan ({schedule})',
      delay: '{duration} warten',
      condition: 'Nur wenn {field} {operator} {value}',
      emailContact: 'E-Mail an den Kontakt',
      emailTeam: 'E-Mail an das Team',
      emailYou: 'E-Mail an Sie',
      emailTo: 'E-Mail an {recipient}',
      http: '{method} {host}',
      transform: 'Daten umwandeln',
      log: 'Ausführung protokollieren',
      stop: 'Lauf beenden',
    },
    operators: { contains: 'enthält', exists: 'existiert', equals: '=', not_equals: '≠', greater_than: '>', less_than: '<' },
    email: {
      contactSubject: 'Vielen Dank für Ihre Nachricht',
      contactBody: 'Hallo {{ body.name }},\n\nvielen Dank für Ihre Nachricht. Wir melden uns in Kürze.',
      welcomeSubject: 'Willkommen an Bord',
      welcomeBody: 'Hallo {{ body.name }},\n\nwillkommen! Schön, dass Sie da sind. Antworten Sie einfach auf diese E-Mail, wenn Sie Fragen haben.',
      followUpSubject: 'Kurze Nachfrage',
      followUpBody: 'Hallo {{ body.name }},\n\nwir wollten kurz zu Ihrer Anfrage nachhaken. Können wir Ihnen noch bei etwas helfen?',
      teamSubject: 'Neues Ereignis aus Ihrem Workflow',
      teamBody: 'Ein neues Ereignis ist eingegangen:\n\n{{ body }}',
      scheduleSubject: 'Ihr geplantes Update',
      scheduleBody: 'Dies ist Ihre geplante Nachricht von Levqor.',
      responseBody: 'Das neueste Ergebnis:\n\n{{ response.body }}',
    },
    logMessage: 'Workflow ausgeführt',
    assumptions: {
      noTrigger: 'Es wurde kein Auslöser beschrieben, daher startet der Workflow, wenn sein Webhook aufgerufen wird.',
      webhook: 'Er startet, wenn seine Webhook-URL eine Anfrage erhält: Verbinden Sie Ihr Formular oder Ihre App damit.',
      defaultTime: 'Es wurde keine Uhrzeit genannt, daher läuft er um {time}.',
      defaultWeekday: 'Es wurde kein Tag genannt, daher läuft er montags.',
      timezone: 'Zeiten sind in UTC; ändern Sie die Zeitzone bei Bedarf vor dem Aktivieren.',
      contactRecipient: 'Die E-Mail geht an {recipient}, die E-Mail-Adresse aus den eingehenden Daten.',
      teamRecipient: 'Ersetzen Sie {recipient} durch die E-Mail-Adresse Ihres Teams.',
      userRecipient: 'Die E-Mail geht an Sie ({recipient}); ändern Sie den Empfänger bei Bedarf.',
      placeholderUrl: 'Es wurde keine URL genannt: Ersetzen Sie {url} vor dem Aktivieren durch die echte Adresse.',
      conditionStops: 'Ist die Bedingung nicht erfüllt, endet der Lauf.',
      approxOperator: '„{original}“ wird als „{checked}“ geprüft; passen Sie den Wert bei Bedarf an.',
      delayCapped: 'Wartezeiten sind auf 30 Tage begrenzt.',
      addedLog: 'Es wurde keine Aktion erkannt, daher protokolliert der Workflow jede Ausführung.',
      skipped: 'Nicht verstanden und ausgelassen: „{text}“.',
      transformGeneric: 'Die Transformation gibt die eingehenden Daten als „{field}“ weiter; passen Sie die Zuordnung an.',
      draft: 'Er wird als Entwurf gespeichert; aktivieren Sie ihn, wenn Sie bereit sind.',
      tooManySteps: 'Nur die ersten 50 Schritte wurden übernommen.',
      invalidFallback: 'Die erstellten Schritte haben die Prüfung nicht bestanden, daher enthält dieser Entwurf nur den Auslöser und einen Protokollschritt: Ergänzen Sie den Rest im Editor, der jedes Problem erklärt.',
      scheduleNoData: 'Ein Zeitplan bringt keine Daten mit: Die Prüfung von {field} hat nichts zu lesen, solange kein Schritt davor die Daten abruft (fügen Sie zuerst eine HTTP-Anfrage hinzu).',
      relativeTiming: '„{when}“ hängt von einem Datum in Ihren Daten ab, daher läuft dieser Entwurf täglich um 09:00 (UTC): Rufen Sie die anstehenden Einträge mit einem HTTP-Schritt ab und fügen Sie eine Bedingung auf ihr Datum hinzu.',
      elseBranch: 'Ist die Bedingung erfüllt, führt der Lauf {then} aus und endet dort (Schritt „{end}“); ist sie nicht erfüllt, springt er zu „{otherwise}“. Ändern Sie die Zweige im Editor, wenn Sie es anders wollen.',
    },
  },
  onboarding: {
    items: {
      create_workflow: { title: 'Erstellen Sie Ihren ersten Workflow', action: 'Erstellen Sie Ihren ersten Workflow aus einer Vorlage oder unter Workflows.' },
      try_builder: { title: 'Probieren Sie den KI-Workflow-Builder aus', action: 'Beschreiben Sie eine Automatisierung in eigenen Worten im KI-Workflow-Builder.' },
      activate_workflow: { title: 'Aktivieren Sie einen Workflow', action: 'Aktivieren Sie einen Workflow, damit er läuft.' },
      share_referral: { title: 'Teilen Sie Ihren Empfehlungslink', action: 'Teilen Sie Ihren Empfehlungslink mit jemandem, dem Levqor nützt.' },
      choose_plan: { title: 'Wählen Sie einen Tarif', action: 'Wählen Sie auf der Preisseite einen Tarif, damit Ihre Workflows nach der Testphase weiterlaufen.' },
    },
    progress: 'Sie haben {done} von {total} Einrichtungsschritten erledigt.',
    allDone: 'Ihr Arbeitsbereich ist vollständig eingerichtet. Gut gemacht!',
    trialDaysLeft: { one: 'Ihre kostenlose Testphase endet in # Tag.', other: 'Ihre kostenlose Testphase endet in # Tagen.' },
    trialEndsToday: 'Ihre kostenlose Testphase endet heute.',
    trialReminder: 'Zur Erinnerung: {trial}.',
  },
};
