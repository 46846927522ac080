import type { AiTexts } from './types';

export const it: AiTexts = {
  debugFacts: { lead: 'In questo errore: {facts}.', host: 'host', port: 'porta', path: 'percorso', status: 'stato' },
  help: {
    'getting-started': {
      title: 'Primi passi con Levqor',
      summary:
        'Levqor esegue workflow per il tuo team: un trigger (una chiamata webhook o una pianificazione) seguito da passaggi come e-mail, chiamate HTTP, attese e condizioni. Parti da un modello o descrivi l’automazione con parole tue, controlla i passaggi, salvala come bozza e attivala quando è a posto.',
      steps: [
        'Apri Workflow e scegli Nuovo workflow, oppure descrivilo nel generatore di workflow IA della dashboard.',
        'Controlla i passaggi e salva il workflow; parte come bozza.',
        'Attivalo dall’elenco dei workflow quando sei pronto.',
      ],
      keywords: 'iniziare inizio primi passi configurare account nuovo basi introduzione panoramica come funziona',
    },
    workflows: {
      title: 'I workflow e i nove tipi di passaggio',
      summary:
        'Un workflow inizia con un trigger ed è seguito da un massimo di 50 passaggi. Ci sono nove tipi di passaggio: trigger webhook, trigger pianificato (cron), richiesta HTTP, attesa (fino a 30 giorni), condizione, trasformazione, e-mail, log e termina l’esecuzione (la chiude prima, per esempio dopo il lato «vero» di una condizione). I passaggi possono usare i dati dei passaggi precedenti con {{ segnaposto }}, e una condizione può saltare solo in avanti.',
      steps: [
        'Apri Workflow e scegli Nuovo workflow, oppure usa il generatore di workflow IA.',
        'Inizia con un trigger webhook o pianificato, poi aggiungi i passaggi che ti servono.',
        'Salva, controlla i passaggi nella pagina del workflow e attivalo.',
      ],
      keywords: 'workflow flusso automazione automatizzare passaggio passaggi trigger webhook pianificazione cron http attesa condizione trasformare email log creare modificare attivare sospendere',
    },
    templates: {
      title: 'Partire da un modello',
      summary:
        'I modelli sono workflow pronti per i compiti più comuni, come raccogliere lead da un modulo o inviare un riepilogo settimanale. Scegliendone uno si crea una copia nel tuo spazio di lavoro, che puoi rinominare e adattare prima di attivarla.',
      steps: [
        'Apri l’elenco dei modelli nella tua dashboard.',
        'Scegli il modello adatto al tuo compito e crea la tua copia.',
        'Adatta testi delle e-mail, URL e pianificazione, poi attivalo.',
      ],
      keywords: 'modello modelli esempio esempi galleria ricetta libreria copiare usare',
    },
    referrals: {
      title: 'Condividere il tuo link di invito',
      summary:
        'Ogni utente ha un link di invito personale. Quando qualcuno si registra tramite il link, compare nei tuoi risultati degli inviti, e quando diventa cliente pagante l’invito viene segnato come convertito.',
      steps: [
        'Trova il tuo link di invito nel pannello di crescita della dashboard.',
        'Copia il link e condividilo con chi potrebbe usare Levqor.',
        'Segui registrazioni e conversioni nei tuoi risultati degli inviti.',
      ],
      keywords: 'invito inviti referral segnalare amico link condividere invitare codice premio affiliazione conversioni registrazioni',
    },
    'invite-teammate': {
      title: 'Invitare un collega',
      summary:
        'I proprietari invitano i colleghi dalla pagina Team: inserisci l’indirizzo e-mail e un ruolo, membro o proprietario. Il link d’invito funziona una volta e scade dopo 7 giorni; se questo server non ha l’e-mail configurata, il proprietario copia il link e lo invia. La persona invitata sceglie nome e password ed entra nel tuo spazio di lavoro.',
      steps: [
        'Apri Team nella dashboard (solo proprietari).',
        'Inserisci l’indirizzo e-mail, scegli membro o proprietario e invia l’invito.',
        'Cambia i ruoli o rimuovi i membri nella stessa pagina; l’ultimo proprietario non può uscire né essere declassato.',
      ],
      keywords: 'invitare invito collega colleghi squadra team membro membri aggiungere utente utenti accesso unirsi collaborare',
    },
    'billing-trial': {
      title: 'Piani, prezzi e la tua prova gratuita',
      summary:
        'Ogni spazio di lavoro parte con: {trial}. Piani mensili: {monthly}. Piani annuali: {yearly}. Configurazione Done-For-You: {dfy}. Il supporto risponde entro {sla}.',
      steps: [
        'Apri la pagina dei prezzi e confronta i piani, mensili o annuali.',
        'Scegli un piano e completa il pagamento con la tua carta.',
        'Per evitare addebiti, annulla prima del giorno 7 della prova.',
      ],
      keywords: 'prezzo prezzi piano piani costo costa quanto fatturazione pagamento abbonamento prova gratuita gratis carta addebito annullare mensile annuale',
    },
    'health-tiles': {
      title: 'Leggere lo stato del servizio',
      summary:
        'Il riquadro Stato del servizio nella dashboard mostra se Levqor è attivo e se le esecuzioni dei tuoi workflow partono in orario. Verde significa OK, ambra un avviso o un ritardo, rosso un guasto. Si aggiorna ogni 30 secondi; gli amministratori di Levqor vedono anche un riquadro per ogni controllo dell’infrastruttura.',
      steps: [
        'Guarda il badge di stato in cima al riquadro.',
        'Se le tue esecuzioni risultano In ritardo, partono dopo ma non vanno perse.',
        'Se resta rosso, avvisa il tuo amministratore Levqor; gli incidenti vengono registrati automaticamente.',
      ],
      keywords: 'stato salute riquadro riquadri sistema fuori servizio degradato rosso ambra verde database errori monitoraggio incidente',
    },
    reports: {
      title: 'Report settimanali',
      summary:
        'Ogni lunedì alle 08:00 (ora di Londra) il tuo spazio di lavoro riceve il suo report settimanale: workflow, esecuzioni e tasso di successo, chiamate API, crediti IA e referral, ciascuno accanto alla settimana precedente. Apri Report nella dashboard; i proprietari lo ricevono anche via e-mail quando l’e-mail è configurata. Gli amministratori di Levqor leggono inoltre un report della piattaforma nella pagina Report dell’amministrazione.',
      steps: [
        'Apri Report nella dashboard.',
        'Confronta la settimana con la precedente: esecuzioni, tasso di successo e utilizzo.',
        'Apri Esecuzioni per vedere perché un’esecuzione non è riuscita.',
      ],
      keywords: 'report rapporto settimanale settimana riepilogo metriche numeri ricavi mrr statistiche',
    },
    security: {
      title: 'Sicurezza e privacy',
      summary:
        'Le password sono protette con Argon2id, i tentativi di accesso falliti ripetuti vengono rallentati e i dati di ogni spazio restano separati: un altro spazio non vede mai i tuoi workflow. Gli indirizzi IP sono salvati solo come hash con salt, i log non contengono mai dati personali e i servizi esterni (pagamenti, IA, e-mail) vengono contattati solo se configurati.',
      steps: [
        'Usa una password lunga e unica, oppure accedi con Google, GitHub o Microsoft quando disponibile.',
        'Esci dall’account sui computer condivisi.',
        'Dai alle chiavi API dei passaggi HTTP solo l’accesso di cui il workflow ha bisogno.',
      ],
      keywords: 'sicurezza sicuro privacy dati password crittografia gdpr proteggere personale',
    },
    support: {
      title: 'Ricevere aiuto dall’assistenza',
      summary:
        'Apri una richiesta in Assistenza, nel menu della dashboard: tutto il tuo spazio di lavoro vede le sue richieste. Rispondiamo entro il tempo del tuo piano ({sla}) e di nuovo entro quel tempo ogni volta che rispondi; se questo server invia e-mail, la nostra risposta ti arriva anche via e-mail. Chiudi la richiesta quando hai risolto e valuta la risposta da 1 a 5. Senza account, o se non riesci ad accedere, usa la pagina Contatti in fondo a ogni pagina.',
      steps: [
        'Apri Assistenza dal menu della dashboard.',
        'Dai un oggetto alla richiesta e descrivi cosa hai provato, cosa è successo e, per un’esecuzione, il suo link.',
        'Segui la risposta nella pagina della richiesta: rispondi, oppure chiudila e valutala.',
      ],
      keywords: 'assistenza supporto aiuto contatto richiesta richieste ticket domanda problema errore risposta tempo persona email messaggio reclamo bloccato',
    },
    password: {
      title: 'Cambiare o reimpostare la password',
      summary:
        'Per cambiare la password, apri Impostazioni, inserisci quella attuale e due volte la nuova: ogni altro browser connesso al tuo account viene disconnesso. Se l’hai dimenticata, scegli «Password dimenticata?» nella pagina di accesso: Levqor ti invia per e-mail un link che funziona una volta, per un’ora. Su un server che non può inviare e-mail, chiedi un link al tuo amministratore.',
      steps: [
        'Apri Impostazioni dal menu della dashboard.',
        'In Password, inserisci quella attuale e due volte la nuova, poi scegli Cambia password.',
        'Dimenticata? Nella pagina di accesso scegli «Password dimenticata?» e segui il link nell’e-mail.',
      ],
      keywords: 'password cambiare reimpostare dimenticata persa nuova accesso login bloccato link email recuperare',
    },
    'ai-credits': {
      title: 'Assistenti IA e crediti IA',
      summary:
        'Gli assistenti IA rispondono alle domande, creano workflow da una descrizione, spiegano gli errori e suggeriscono i tuoi prossimi passi. Ogni richiesta usa crediti IA dalla dotazione mensile del tuo spazio ({credits}); le prove hanno la dotazione Starter. Le dotazioni si rinnovano il primo giorno di ogni mese.',
      steps: [
        'Vedi quanti crediti restano in cima agli assistenti IA.',
        'Le risposte del motore integrato usano 1 credito e quelle di OpenAI 2; la checklist iniziale è gratuita.',
        'Ti servono più crediti? Passa a un piano superiore nella pagina dei prezzi.',
      ],
      keywords: 'ia credito crediti assistente chat generatore debugger limite dotazione quota utilizzo openai gpt',
    },
    language: {
      title: 'Cambiare lingua',
      summary:
        'Levqor è disponibile in inglese, spagnolo, francese, tedesco, portoghese, italiano, olandese, hindi e giapponese. Scegli la tua dal menu delle lingue nell’intestazione; la scelta viene ricordata per il tuo account.',
      steps: ['Apri il menu delle lingue nell’intestazione.', 'Scegli la tua lingua; la pagina si ricarica in quella lingua.', 'Gli assistenti IA rispondono nella stessa lingua.'],
      keywords: 'lingua lingue tradurre traduzione inglese spagnolo francese tedesco portoghese italiano olandese hindi giapponese',
    },
  },
  chat: {
    noMatch: 'Non ho trovato un articolo di aiuto che risponda a questa domanda. Questi argomenti potrebbero aiutarti:',
  },
  debug: {
    connection_refused: {
      title: 'Connessione rifiutata',
      explanation:
        'Il server è stato raggiunto, ma niente ha accettato la connessione su quella porta: il servizio è fermo, ascolta su un’altra porta o un firewall la rifiuta.',
      steps: [
        'Verifica che il servizio sia in esecuzione e in ascolto su host e porta dell’URL.',
        'Apri l’URL con un altro strumento (curl, un browser) per confermare che risponde.',
        'Se è dietro un firewall, consenti le connessioni da Levqor.',
      ],
      prevention: ['Monitora la disponibilità dell’endpoint e ricevi un avviso quando smette di rispondere.', 'Tieni aggiornato l’URL del workflow quando il servizio si sposta.'],
    },
    connection_reset: {
      title: 'Connessione reimpostata',
      explanation: 'La connessione è stata aperta e poi chiusa bruscamente dall’altro lato o da un proxy prima che arrivasse una risposta completa.',
      steps: [
        'Ripeti la richiesta: un reset dipende spesso da un riavvio o da un breve problema di rete.',
        'Controlla i log del servizio di destinazione per arresti o connessioni chiuse.',
        'Assicurati che un proxy o un bilanciatore non interrompa le richieste lunghe.',
      ],
      prevention: ['Attiva nuovi tentativi con attesa crescente per questo servizio.', 'Mantieni piccoli i corpi delle richieste e i tempi di risposta.'],
    },
    dns: {
      title: 'Nome host non trovato (DNS)',
      explanation: 'Il nome host dell’URL non è stato risolto in un indirizzo: è scritto male, non esiste o il DNS non risponde.',
      steps: [
        'Controlla che non ci siano errori di battitura nel nome host dell’URL.',
        'Verifica che il dominio esista e abbia record DNS (ad esempio con dig o nslookup).',
        'Se il dominio è appena stato creato o spostato, attendi la propagazione DNS e riprova.',
      ],
      prevention: ['Copia gli URL dalla documentazione del fornitore invece di digitarli.', 'Tieni d’occhio i rinnovi del dominio perché non scada mai.'],
    },
    timeout: {
      title: 'Tempo scaduto',
      explanation: 'L’altro lato non ha risposto entro il limite di tempo perché è lento, sovraccarico o irraggiungibile.',
      steps: [
        'Controlla se il servizio è lento o fuori servizio in questo momento.',
        'Aumenta il timeout del passaggio (fino a 30 secondi) se l’operazione è davvero lenta.',
        'Invia meno dati per richiesta o chiedi al servizio un endpoint più veloce.',
      ],
      prevention: ['Aggiungi nuovi tentativi con attesa crescente per le dipendenze lente.', 'Ricevi un avviso quando i tempi di risposta salgono, prima che raggiungano il limite.'],
    },
    tls: {
      title: 'Problema TLS / certificato',
      explanation:
        'Non è stato possibile stabilire la connessione sicura: il certificato è scaduto, autofirmato, emesso per un altro nome host o la catena è incompleta.',
      steps: [
        'Apri l’URL in un browser e controlla il certificato (data di scadenza e nome host).',
        'Assicurati che il server invii la catena di certificati completa.',
        'Usa esattamente il nome host per cui è stato emesso il certificato.',
      ],
      prevention: ['Automatizza il rinnovo dei certificati (ad esempio con Let’s Encrypt).', 'Monitora le date di scadenza dei certificati.'],
    },
    unauthorized: {
      title: 'Non autenticato (401)',
      explanation: 'Il servizio non ha accettato le credenziali: la chiave API o il token manca, è sbagliato, scaduto o revocato.',
      steps: [
        'Verifica che l’header Authorization o la chiave API sia presente nel passaggio.',
        'Crea una nuova chiave o un nuovo token nella dashboard del fornitore e sostituisci il vecchio.',
        'Assicurati che la chiave sia dell’ambiente giusto (produzione o test).',
      ],
      prevention: ['Ruota le chiavi regolarmente e aggiorna i workflow nella stessa modifica.', 'Preferisci chiavi di servizio durature ai token personali.'],
    },
    forbidden: {
      title: 'Non consentito (403)',
      explanation: 'Le credenziali sono state riconosciute ma non danno accesso a questa risorsa o azione.',
      steps: [
        'Controlla i permessi o gli scope della chiave nella dashboard del fornitore.',
        'Verifica che l’account possa accedere a questa risorsa specifica.',
        'Cerca liste di IP consentiti che potrebbero bloccare la richiesta.',
      ],
      prevention: ['Dai a ogni integrazione una chiave con esattamente gli scope necessari.', 'Annota quale account possiede ogni integrazione.'],
    },
    not_found: {
      title: 'Non trovato (404)',
      explanation: 'Il server ha risposto, ma il percorso o la risorsa della richiesta non esiste (più).',
      steps: [
        'Controlla il percorso dell’URL, compresi i prefissi di versione come /v1.',
        'Verifica che ogni id nell’URL esista ancora.',
        'Confronta con la documentazione API attuale del fornitore.',
      ],
      prevention: ['Usa gli id dei passaggi precedenti invece di scriverli a mano.', 'Segui gli avvisi di deprecazione del fornitore.'],
    },
    rate_limited: {
      title: 'Limite di richieste (429)',
      explanation: 'Sono state inviate troppe richieste in poco tempo; il servizio rifiuta le successive finché la sua finestra non si azzera.',
      steps: [
        'Attendi il tempo indicato nell’header Retry-After, poi riprova.',
        'Aggiungi un passaggio di attesa tra le raffiche di chiamate.',
        'Controlla i limiti del fornitore per il tuo piano.',
      ],
      prevention: ['Distribuisci i workflow pianificati nel tempo invece di avviarli insieme.', 'Raggruppa più elementi in una richiesta quando l’API lo consente.'],
    },
    server_error: {
      title: 'Errore del server (5xx)',
      explanation: 'L’altro servizio non è riuscito a gestire la richiesta (500, 502, 503 o 504); di solito il problema è dalla sua parte.',
      steps: [
        'Riprova tra qualche minuto: molti errori 5xx sono temporanei.',
        'Controlla la pagina di stato del fornitore per eventuali incidenti.',
        'Se persiste, invia al fornitore l’id della richiesta e l’orario.',
      ],
      prevention: ['Attiva nuovi tentativi con attesa crescente per questo passaggio.', 'Rendi il workflow ripetibile senza effetti doppi (richieste idempotenti).'],
    },
    invalid_json: {
      title: 'JSON non valido',
      explanation: 'Un testo che doveva essere JSON non è stato letto: una virgoletta, una virgola o una parentesi è sbagliata, oppure la risposta era HTML o vuota.',
      steps: [
        'Guarda il testo grezzo nella posizione indicata dall’errore.',
        'Verifica che la richiesta invii l’header Content-Type: application/json.',
        'Se la risposta era HTML, l’URL punta probabilmente a una pagina web o di errore.',
      ],
      prevention: ['Costruisci il JSON con un passaggio di trasformazione invece che a mano.', 'Valida gli esempi con un validatore JSON prima di usarli.'],
    },
    schema_validation: {
      title: 'Convalida non riuscita',
      explanation: 'I dati sono JSON valido ma non hanno la forma attesa: manca un campo obbligatorio o un valore ha tipo o formato sbagliato.',
      steps: [
        'Leggi il nome del campo e il messaggio dell’errore.',
        'Confronta i dati con il formato atteso nella documentazione.',
        'Mappa o converti il campo in un passaggio di trasformazione precedente.',
      ],
      prevention: ['Prova il workflow con un campione realistico prima di attivarlo.', 'Aggiungi prima un passaggio di condizione che controlli i campi obbligatori.'],
    },
    card_declined: {
      title: 'Carta rifiutata',
      explanation: 'L’emittente della carta ha rifiutato il pagamento (ad esempio fondi insufficienti, carta scaduta o codice di sicurezza errato).',
      steps: [
        'Controlla numero della carta, data di scadenza e codice di sicurezza.',
        'Prova un’altra carta o chiedi alla banca di autorizzare il pagamento.',
        'Ripeti il pagamento quando la carta è a posto.',
      ],
      prevention: ['Aggiorna la carta salvata prima che scada.', 'Fai attenzione alle e-mail di pagamento non riuscito.'],
    },
    webhook_signature: {
      title: 'Firma del webhook non valida',
      explanation:
        'La firma del webhook non corrispondeva: il segreto di firma è sbagliato, il corpo è stato modificato (letto e riserializzato) prima del controllo o il timestamp è troppo vecchio.',
      steps: [
        'Copia di nuovo il segreto di firma di questo endpoint esatto (i segreti di test e di produzione sono diversi).',
        'Verifica la firma sul corpo grezzo della richiesta, byte per byte.',
        'Controlla l’orologio del server: le firme più vecchie della tolleranza vengono rifiutate.',
      ],
      prevention: ['Usa un segreto per endpoint e per ambiente.', 'Non leggere mai il corpo prima di aver verificato la firma.'],
    },
    unknown: {
      title: 'Errore non riconosciuto',
      explanation: 'Questo errore non corrisponde a uno schema noto. La checklist generale qui sotto trova la maggior parte delle cause.',
      steps: [
        'Trova il primo errore nel log: i successivi sono spesso conseguenze.',
        'Controlla URL, credenziali e dati in ingresso del passaggio fallito.',
        'Esegui di nuovo il passaggio con un piccolo input di prova.',
      ],
      prevention: ['Registra abbastanza contesto (passaggio, codice di stato) per diagnosticare gli errori.', 'Prova i workflow con dati di esempio prima di attivarli.'],
    },
  },
  builder: {
    answer: 'Ecco una bozza di workflow con {count} passaggi. Controlla le ipotesi, poi salvala.',
    defaultName: 'Nuova automazione',
    stepNames: {
      webhook: 'Quando viene chiamato il webhook',
      schedule: 'Secondo la pianificazione ({schedule})',
      delay: 'Attendere {duration}',
      condition: 'Solo se {field} {operator} {value}',
      emailContact: 'E-mail al contatto',
      emailTeam: 'E-mail al team',
      emailYou: 'E-mail a te',
      emailTo: 'E-mail a {recipient}',
      http: '{method} {host}',
      transform: 'Trasformare i dati',
      log: 'Registrare l’esecuzione',
      stop: 'Termina l’esecuzione',
    },
    operators: { contains: 'contiene', exists: 'esiste', equals: '=', not_equals: '≠', greater_than: '>', less_than: '<' },
    email: {
      contactSubject: 'Grazie per averci scritto',
      contactBody: 'Ciao {{ body.name }},\n\ngrazie per il tuo messaggio. Ti risponderemo a breve.',
      welcomeSubject: 'Benvenuto a bordo',
      welcomeBody: 'Ciao {{ body.name }},\n\nbenvenuto! Siamo felici di averti con noi. Rispondi a questa e-mail se hai domande.',
      followUpSubject: 'Un aggiornamento sulla tua richiesta',
      followUpBody: 'Ciao {{ body.name }},\n\nti ricontattiamo per la tua richiesta. Possiamo aiutarti con qualcos’altro?',
      teamSubject: 'Nuovo evento dal tuo workflow',
      teamBody: 'È arrivato un nuovo evento:\n\n{{ body }}',
      scheduleSubject: 'Il tuo aggiornamento pianificato',
      scheduleBody: 'Questo è il tuo messaggio pianificato di Levqor.',
      responseBody: 'L’ultimo risultato:\n\n{{ response.body }}',
    },
    logMessage: 'Workflow eseguito',
    assumptions: {
      noTrigger: 'Non è stato descritto alcun trigger, quindi il workflow parte quando viene chiamato il suo webhook.',
      webhook: 'Parte quando il suo URL webhook riceve una richiesta: collega lì il tuo modulo o la tua app.',
      defaultTime: 'Non è stato indicato un orario, quindi viene eseguito alle {time}.',
      defaultWeekday: 'Non è stato indicato un giorno, quindi viene eseguito il lunedì.',
      timezone: 'Gli orari sono in UTC; se serve, cambia il fuso orario prima di attivarlo.',
      contactRecipient: 'L’e-mail va a {recipient}, l’indirizzo e-mail nei dati in arrivo.',
      teamRecipient: 'Sostituisci {recipient} con l’indirizzo e-mail del tuo team.',
      userRecipient: 'L’e-mail arriva a te ({recipient}); cambia il destinatario se serve.',
      placeholderUrl: 'Non è stato indicato un URL: sostituisci {url} con l’indirizzo reale prima di attivarlo.',
      conditionStops: 'Se la condizione è falsa, l’esecuzione si ferma.',
      approxOperator: '«{original}» viene controllato come «{checked}»; adatta il valore se serve.',
      delayCapped: 'Le attese sono limitate a 30 giorni.',
      addedLog: 'Non è stata riconosciuta alcuna azione, quindi il workflow registra ogni esecuzione nel log.',
      skipped: 'Non compreso e tralasciato: «{text}».',
      transformGeneric: 'La trasformazione passa i dati in arrivo come «{field}»; adatta la mappatura.',
      draft: 'Viene salvato come bozza; attivalo quando sei pronto.',
      tooManySteps: 'Sono stati mantenuti solo i primi 50 passaggi.',
      invalidFallback: 'I passaggi che ho creato non hanno superato la validazione, quindi questa bozza contiene solo il trigger e un passaggio di log: aggiungi il resto nell’editor, che spiega ogni problema.',
      scheduleNoData: 'Una pianificazione non porta dati: il controllo su {field} non ha nulla da leggere se un passaggio precedente non recupera i dati (aggiungi prima una richiesta HTTP).',
      relativeTiming: '“{when}” dipende da una data nei tuoi dati, quindi questa bozza viene eseguita ogni giorno alle 09:00 (UTC): recupera gli elementi in arrivo con un passaggio HTTP e aggiungi una condizione sulla loro data.',
      elseBranch: 'Se la condizione è vera, l’esecuzione fa {then} e finisce lì (passo “{end}”); se è falsa, salta a “{otherwise}”. Cambia i rami nell’editor se non è ciò che vuoi.',
    },
  },
  onboarding: {
    items: {
      create_workflow: { title: 'Crea il tuo primo workflow', action: 'Crea il tuo primo workflow da un modello o in Workflow.' },
      try_builder: { title: 'Prova il generatore di workflow IA', action: 'Descrivi un’automazione con parole tue nel generatore di workflow IA.' },
      activate_workflow: { title: 'Attiva un workflow', action: 'Attiva un workflow perché inizi a girare.' },
      share_referral: { title: 'Condividi il tuo link di invito', action: 'Condividi il tuo link di invito con qualcuno a cui Levqor può servire.' },
      choose_plan: { title: 'Scegli un piano', action: 'Scegli un piano nella pagina dei prezzi per far continuare i tuoi workflow dopo la prova.' },
    },
    progress: 'Hai completato {done} passaggi di configurazione su {total}.',
    allDone: 'Il tuo spazio di lavoro è completamente configurato. Ottimo lavoro!',
    trialDaysLeft: { one: 'La tua prova gratuita termina tra # giorno.', other: 'La tua prova gratuita termina tra # giorni.' },
    trialEndsToday: 'La tua prova gratuita termina oggi.',
    trialReminder: 'Promemoria: {trial}.',
  },
};
