import type { AiTexts } from './types';

export const fr: AiTexts = {
  debugFacts: { lead: 'Dans cette erreur : {facts}.', host: 'hôte', port: 'port', path: 'chemin', status: 'statut' },
  help: {
    'getting-started': {
      title: 'Bien démarrer avec Levqor',
      summary:
        'Levqor exécute des workflows pour votre équipe : un déclencheur (un appel de webhook ou une planification) suivi d’étapes comme des e-mails, des appels HTTP, des attentes et des conditions. Partez d’un modèle ou décrivez l’automatisation en langage courant, vérifiez les étapes, enregistrez-la comme brouillon et activez-la quand elle vous convient.',
      steps: [
        'Ouvrez Workflows et choisissez Nouveau workflow, ou décrivez-le dans le générateur de workflows IA du tableau de bord.',
        'Vérifiez les étapes et enregistrez le workflow ; il commence comme brouillon.',
        'Activez-le depuis la liste des workflows quand vous êtes prêt.',
      ],
      keywords: 'démarrer commencer début premiers pas configurer compte nouveau bases introduction fonctionnement',
    },
    workflows: {
      title: 'Les workflows et les neuf types d’étapes',
      summary:
        'Un workflow commence par un déclencheur, suivi de 50 étapes au plus. Il existe neuf types d’étapes : déclencheur webhook, déclencheur planifié (cron), requête HTTP, attente (30 jours au plus), condition, transformation, e-mail, journal et terminer l’exécution (l’arrête plus tôt, par exemple après le côté « vrai » d’une condition). Les étapes peuvent reprendre les données des étapes précédentes avec des {{ espaces réservés }}, et une condition ne peut sauter que vers l’avant.',
      steps: [
        'Ouvrez Workflows et choisissez Nouveau workflow, ou utilisez le générateur de workflows IA.',
        'Commencez par un déclencheur webhook ou planifié, puis ajoutez les étapes nécessaires.',
        'Enregistrez, vérifiez les étapes sur la page du workflow et activez-le.',
      ],
      keywords: 'workflow workflows automatisation automatiser étape étapes déclencheur webhook planification cron http attente condition transformer e-mail journal créer modifier activer suspendre',
    },
    templates: {
      title: 'Partir d’un modèle',
      summary:
        'Les modèles sont des workflows prêts à l’emploi pour les tâches courantes, comme capter des prospects depuis un formulaire ou envoyer un récapitulatif hebdomadaire. En choisir un crée une copie dans votre espace de travail, que vous pouvez renommer et ajuster avant de l’activer.',
      steps: [
        'Ouvrez la liste des modèles sur votre tableau de bord.',
        'Choisissez le modèle adapté à votre tâche et créez votre copie.',
        'Ajustez ses textes d’e-mail, ses URL et sa planification, puis activez-le.',
      ],
      keywords: 'modèle modèles exemple exemples galerie recette bibliothèque copier utiliser',
    },
    referrals: {
      title: 'Partager votre lien de parrainage',
      summary:
        'Chaque utilisateur dispose d’un lien de parrainage personnel. Quand quelqu’un s’inscrit avec ce lien, il apparaît dans vos résultats de parrainage, et quand il devient client payant, le parrainage est marqué comme converti.',
      steps: [
        'Trouvez votre lien de parrainage dans le panneau de croissance du tableau de bord.',
        'Copiez le lien et partagez-le avec les personnes à qui Levqor peut servir.',
        'Suivez les inscriptions et les conversions dans vos résultats de parrainage.',
      ],
      keywords: 'parrainage parrainer ami lien partager inviter code récompense recommander affiliation conversions inscriptions',
    },
    'invite-teammate': {
      title: 'Inviter un coéquipier',
      summary:
        'Les propriétaires invitent leurs coéquipiers depuis la page Équipe : saisissez son adresse e-mail et un rôle, membre ou propriétaire. Le lien d’invitation ne sert qu’une fois et expire au bout de 7 jours ; si ce serveur n’a pas d’e-mail configuré, le propriétaire copie le lien et l’envoie. La personne invitée choisit un nom et un mot de passe et rejoint votre espace.',
      steps: [
        'Ouvrez Équipe dans le tableau de bord (propriétaires uniquement).',
        'Saisissez l’adresse e-mail, choisissez membre ou propriétaire et envoyez l’invitation.',
        'Changez les rôles ou retirez des membres sur la même page ; le dernier propriétaire ne peut ni partir ni être rétrogradé.',
      ],
      keywords: 'inviter invitation collègue coéquipier équipe membre membres ajouter utilisateur utilisateurs accès rejoindre collaborer',
    },
    'billing-trial': {
      title: 'Formules, prix et essai gratuit',
      summary:
        'Chaque espace de travail commence par : {trial}. Formules mensuelles : {monthly}. Formules annuelles : {yearly}. Mise en place Done-For-You : {dfy}. Le support répond sous {sla}.',
      steps: [
        'Ouvrez la page des tarifs et comparez les formules, mensuelles ou annuelles.',
        'Choisissez une formule et réglez avec votre carte.',
        'Pour éviter d’être facturé, annulez avant le 7e jour de votre essai.',
      ],
      keywords: 'prix tarif tarifs formule formules plan coût combien facturation paiement abonnement essai gratuit carte annuler mensuel annuel',
    },
    'health-tiles': {
      title: 'Lire l’état du service',
      summary:
        'Le panneau État du service du tableau de bord indique si Levqor fonctionne et si les exécutions de vos workflows partent à l’heure. Vert signifie OK, orange un avertissement ou un retard, rouge une panne. Il se met à jour toutes les 30 secondes ; les administrateurs Levqor voient aussi une tuile par vérification d’infrastructure.',
      steps: [
        'Regardez le badge d’état en haut du panneau.',
        'Si vos exécutions sont En retard, elles démarrent plus tard mais ne sont pas perdues.',
        'Si cela reste rouge, prévenez votre administrateur Levqor ; les incidents sont enregistrés automatiquement.',
      ],
      keywords: 'état santé tuile tuiles système panne dégradé rouge orange vert base de données erreurs surveillance incident',
    },
    reports: {
      title: 'Rapports hebdomadaires',
      summary:
        'Chaque lundi à 08:00 (heure de Londres), votre espace reçoit son rapport hebdomadaire : workflows, exécutions et taux de réussite, appels d’API, crédits IA et parrainages, chacun à côté de la semaine précédente. Ouvrez Rapports dans le tableau de bord ; les propriétaires le reçoivent aussi par e-mail quand l’e-mail est configuré. Les administrateurs Levqor lisent en plus un rapport de la plateforme sur la page Rapports de l’administration.',
      steps: [
        'Ouvrez Rapports dans le tableau de bord.',
        'Comparez la semaine à la précédente : exécutions, taux de réussite et usage.',
        'Ouvrez Exécutions pour voir pourquoi une exécution a échoué.',
      ],
      keywords: 'rapport rapports hebdomadaire semaine résumé indicateurs chiffres revenu mrr statistiques',
    },
    security: {
      title: 'Sécurité et confidentialité',
      summary:
        'Les mots de passe sont hachés avec Argon2id, les échecs de connexion répétés sont freinés et les données de chaque espace sont cloisonnées : un autre espace ne voit jamais vos workflows. Les adresses IP ne sont conservées que sous forme de hachages salés, les journaux ne contiennent jamais de données personnelles et les services externes (paiement, IA, e-mail) ne sont contactés que s’ils sont configurés.',
      steps: [
        'Utilisez un mot de passe long et unique, ou connectez-vous avec Google, GitHub ou Microsoft quand c’est proposé.',
        'Déconnectez-vous sur les ordinateurs partagés.',
        'Ne donnez aux clés API des étapes HTTP que les accès dont le workflow a besoin.',
      ],
      keywords: 'sécurité sécurisé confidentialité données mot de passe chiffrement rgpd protéger personnel',
    },
    support: {
      title: 'Obtenir de l’aide du support',
      summary:
        'Ouvrez un ticket dans Support, dans le menu du tableau de bord : tout votre espace de travail voit ses tickets. Nous répondons dans le délai de votre offre ({sla}), et de nouveau dans ce délai chaque fois que vous répondez ; si ce serveur envoie des e-mails, notre réponse vous parvient aussi par e-mail. Fermez le ticket quand c’est réglé et notez notre réponse de 1 à 5. Sans compte, ou si vous ne pouvez pas vous connecter, utilisez la page Contact en bas de chaque page.',
      steps: [
        'Ouvrez Support depuis le menu du tableau de bord.',
        'Donnez un objet au ticket et décrivez ce que vous avez essayé, ce qui s’est passé et, pour une exécution, son lien.',
        'Suivez la réponse sur la page du ticket : répondez, ou fermez-le et notez-le.',
      ],
      keywords: 'support aide contact ticket tickets question problème bug réponse délai humain e-mail message réclamation bloqué',
    },
    password: {
      title: 'Changer ou réinitialiser votre mot de passe',
      summary:
        'Pour changer votre mot de passe, ouvrez Paramètres, saisissez l’actuel puis le nouveau deux fois : tout autre navigateur connecté à votre compte est déconnecté. Si vous l’avez oublié, choisissez « Mot de passe oublié ? » sur la page de connexion : Levqor envoie par e-mail un lien qui fonctionne une fois, pendant une heure. Sur un serveur qui ne peut pas envoyer d’e-mails, demandez un lien à votre administrateur.',
      steps: [
        'Ouvrez Paramètres depuis le menu du tableau de bord.',
        'Sous Mot de passe, saisissez l’actuel puis le nouveau deux fois, et choisissez Changer le mot de passe.',
        'Oublié ? Sur la page de connexion, choisissez « Mot de passe oublié ? » et suivez le lien de l’e-mail.',
      ],
      keywords: 'mot de passe changer réinitialiser oublié perdu nouveau connexion bloqué lien e-mail récupérer',
    },
    'ai-credits': {
      title: 'Assistants IA et crédits IA',
      summary:
        'Les assistants IA répondent aux questions, créent des workflows à partir d’une description, expliquent les erreurs et suggèrent vos prochaines étapes. Chaque demande consomme des crédits IA sur l’allocation mensuelle de votre espace ({credits}) ; les essais ont l’allocation Starter. Les allocations repartent à zéro le premier jour de chaque mois.',
      steps: [
        'Voyez les crédits restants en haut des assistants IA.',
        'Les réponses du moteur intégré coûtent 1 crédit et celles d’OpenAI 2 ; la liste de démarrage est gratuite.',
        'Besoin de plus ? Passez à une formule supérieure sur la page des tarifs.',
      ],
      keywords: 'ia crédit crédits assistant chat générateur débogueur limite quota utilisation openai gpt',
    },
    language: {
      title: 'Changer de langue',
      summary:
        'Levqor est disponible en anglais, espagnol, français, allemand, portugais, italien, néerlandais, hindi et japonais. Choisissez la vôtre dans le menu des langues de l’en-tête ; ce choix est mémorisé pour votre compte.',
      steps: ['Ouvrez le menu des langues dans l’en-tête.', 'Choisissez votre langue ; la page se recharge dans celle-ci.', 'Les assistants IA répondent dans la même langue.'],
      keywords: 'langue langues traduire traduction anglais espagnol français allemand portugais italien néerlandais hindi japonais',
    },
  },
  chat: {
    noMatch: 'Je n’ai pas trouvé d’article d’aide qui réponde à cette question. Ces sujets peuvent vous aider :',
  },
  debug: {
    connection_refused: {
      title: 'Connexion refusée',
      explanation:
        'Le serveur a été atteint, mais rien n’a accepté la connexion sur ce port : le service est arrêté, écoute sur un autre port, ou un pare-feu la rejette.',
      steps: [
        'Vérifiez que le service tourne et écoute sur l’hôte et le port de l’URL.',
        'Ouvrez l’URL depuis un autre outil (curl, un navigateur) pour confirmer qu’il répond.',
        'S’il est derrière un pare-feu, autorisez les connexions depuis Levqor.',
      ],
      prevention: ['Surveillez la disponibilité du point de terminaison et soyez alerté quand il ne répond plus.', 'Tenez l’URL du workflow à jour quand le service déménage.'],
    },
    connection_reset: {
      title: 'Connexion réinitialisée',
      explanation: 'La connexion s’est ouverte puis a été fermée brutalement par l’autre côté ou par un proxy avant qu’une réponse complète n’arrive.',
      steps: [
        'Relancez la requête : une réinitialisation vient souvent d’un redémarrage ou d’une brève coupure réseau.',
        'Consultez les journaux du service cible à la recherche de plantages ou de connexions fermées.',
        'Vérifiez qu’un proxy ou un répartiteur de charge ne coupe pas les requêtes longues.',
      ],
      prevention: ['Activez des nouvelles tentatives avec délai croissant pour ce service.', 'Gardez les corps de requête et les temps de réponse courts.'],
    },
    dns: {
      title: 'Nom d’hôte introuvable (DNS)',
      explanation: 'Le nom d’hôte de l’URL n’a pas pu être résolu en adresse : il est mal orthographié, n’existe pas, ou le DNS ne répond pas.',
      steps: [
        'Vérifiez l’orthographe du nom d’hôte dans l’URL.',
        'Confirmez que le domaine existe et possède des enregistrements DNS (par exemple avec dig ou nslookup).',
        'Si le domaine vient d’être créé ou déplacé, attendez la propagation DNS et réessayez.',
      ],
      prevention: ['Copiez les URL depuis la documentation du fournisseur au lieu de les saisir.', 'Surveillez le renouvellement du domaine pour qu’il n’expire jamais.'],
    },
    timeout: {
      title: 'Délai d’attente dépassé',
      explanation: 'L’autre côté n’a pas répondu dans le délai imparti, car il est lent, surchargé ou injoignable.',
      steps: [
        'Vérifiez si le service est lent ou en panne en ce moment.',
        'Augmentez le délai de l’étape (30 secondes au plus) si l’opération est réellement lente.',
        'Envoyez moins de données par requête, ou demandez au service un point de terminaison plus rapide.',
      ],
      prevention: ['Ajoutez des nouvelles tentatives avec délai croissant pour les dépendances lentes.', 'Alertez sur la hausse des temps de réponse avant qu’ils n’atteignent la limite.'],
    },
    tls: {
      title: 'Problème TLS / certificat',
      explanation:
        'La connexion sécurisée n’a pas pu être établie : le certificat a expiré, est auto-signé, a été émis pour un autre nom d’hôte, ou sa chaîne est incomplète.',
      steps: [
        'Ouvrez l’URL dans un navigateur et examinez le certificat (date d’expiration et nom d’hôte).',
        'Vérifiez que le serveur envoie la chaîne de certificats complète.',
        'Utilisez exactement le nom d’hôte pour lequel le certificat a été émis.',
      ],
      prevention: ['Automatisez le renouvellement des certificats (par exemple avec Let’s Encrypt).', 'Surveillez les dates d’expiration des certificats.'],
    },
    unauthorized: {
      title: 'Non authentifié (401)',
      explanation: 'Le service n’a pas accepté les identifiants : la clé API ou le jeton est absent, erroné, expiré ou révoqué.',
      steps: [
        'Vérifiez que l’en-tête Authorization ou la clé API figure dans l’étape.',
        'Créez une nouvelle clé ou un nouveau jeton dans le tableau de bord du fournisseur et remplacez l’ancien.',
        'Assurez-vous que la clé correspond au bon environnement (production ou test).',
      ],
      prevention: ['Renouvelez les clés régulièrement et mettez à jour les workflows dans le même changement.', 'Préférez des clés de service durables aux jetons personnels.'],
    },
    forbidden: {
      title: 'Accès interdit (403)',
      explanation: 'Les identifiants ont été reconnus mais ne donnent pas accès à cette ressource ou à cette action.',
      steps: [
        'Vérifiez les permissions ou portées de la clé dans le tableau de bord du fournisseur.',
        'Confirmez que le compte peut accéder à cette ressource précise.',
        'Cherchez d’éventuelles listes d’IP autorisées qui bloqueraient la requête.',
      ],
      prevention: ['Donnez à chaque intégration une clé avec exactement les portées nécessaires.', 'Notez quel compte possède chaque intégration.'],
    },
    not_found: {
      title: 'Introuvable (404)',
      explanation: 'Le serveur a répondu, mais le chemin ou la ressource demandés n’existent pas (ou plus).',
      steps: [
        'Vérifiez le chemin de l’URL, y compris les préfixes de version comme /v1.',
        'Vérifiez que chaque identifiant de l’URL existe encore.',
        'Comparez avec la documentation actuelle de l’API du fournisseur.',
      ],
      prevention: ['Réutilisez les identifiants des étapes précédentes au lieu de les écrire en dur.', 'Suivez les avis d’obsolescence du fournisseur.'],
    },
    rate_limited: {
      title: 'Limite de requêtes atteinte (429)',
      explanation: 'Trop de requêtes ont été envoyées en peu de temps ; le service en refuse d’autres jusqu’à la fin de sa fenêtre.',
      steps: [
        'Attendez la durée indiquée dans l’en-tête Retry-After, puis réessayez.',
        'Ajoutez une étape d’attente entre les salves d’appels.',
        'Consultez les limites du fournisseur pour votre formule.',
      ],
      prevention: ['Étalez les workflows planifiés au lieu de les lancer ensemble.', 'Regroupez plusieurs éléments dans une requête quand l’API le permet.'],
    },
    server_error: {
      title: 'Erreur serveur (5xx)',
      explanation: 'L’autre service a échoué en traitant la requête (500, 502, 503 ou 504) ; le problème vient généralement de son côté.',
      steps: [
        'Réessayez dans quelques minutes : beaucoup d’erreurs 5xx sont passagères.',
        'Consultez la page d’état du fournisseur pour un éventuel incident.',
        'Si cela persiste, envoyez au fournisseur l’identifiant de la requête et l’heure.',
      ],
      prevention: ['Activez des nouvelles tentatives avec délai croissant pour cette étape.', 'Rendez le workflow rejouable sans effet double (requêtes idempotentes).'],
    },
    invalid_json: {
      title: 'JSON invalide',
      explanation: 'Un texte censé être du JSON n’a pas pu être lu : un guillemet, une virgule ou un crochet est faux, ou la réponse était du HTML ou vide.',
      steps: [
        'Regardez le texte brut à la position indiquée par l’erreur.',
        'Vérifiez que la requête envoie l’en-tête Content-Type: application/json.',
        'Si la réponse était du HTML, l’URL pointe sans doute vers une page web ou une page d’erreur.',
      ],
      prevention: ['Construisez le JSON avec une étape de transformation plutôt qu’à la main.', 'Validez les exemples avec un validateur JSON avant de les utiliser.'],
    },
    schema_validation: {
      title: 'Échec de validation',
      explanation: 'Les données sont du JSON valide mais n’ont pas la forme attendue : un champ obligatoire manque ou une valeur a un type ou un format incorrect.',
      steps: [
        'Lisez le nom du champ et le message de l’erreur.',
        'Comparez les données au format attendu dans la documentation.',
        'Adaptez ou convertissez le champ dans une étape de transformation avant celle-ci.',
      ],
      prevention: ['Testez le workflow avec un échantillon réaliste avant de l’activer.', 'Ajoutez d’abord une étape de condition qui vérifie les champs obligatoires.'],
    },
    card_declined: {
      title: 'Carte refusée',
      explanation: 'L’émetteur de la carte a refusé le paiement (par exemple fonds insuffisants, carte expirée ou code de sécurité erroné).',
      steps: [
        'Vérifiez le numéro de carte, la date d’expiration et le code de sécurité.',
        'Essayez une autre carte, ou demandez à la banque d’autoriser le paiement.',
        'Relancez le paiement une fois la carte corrigée.',
      ],
      prevention: ['Mettez à jour la carte enregistrée avant son expiration.', 'Surveillez les e-mails de paiement échoué.'],
    },
    webhook_signature: {
      title: 'Signature du webhook invalide',
      explanation:
        'La signature du webhook ne correspondait pas : le secret de signature est faux, le corps a été modifié (lu puis resérialisé) avant la vérification, ou l’horodatage est trop ancien.',
      steps: [
        'Copiez à nouveau le secret de signature de ce point de terminaison précis (les secrets de test et de production diffèrent).',
        'Vérifiez la signature sur le corps brut de la requête, octet par octet.',
        'Vérifiez l’horloge du serveur : les signatures plus anciennes que la tolérance sont refusées.',
      ],
      prevention: ['Utilisez un secret par point de terminaison et par environnement.', 'Ne lisez jamais le corps avant d’avoir vérifié la signature.'],
    },
    unknown: {
      title: 'Erreur non reconnue',
      explanation: 'Cette erreur ne correspond à aucun modèle connu. La liste générale ci-dessous trouve la plupart des causes.',
      steps: [
        'Cherchez la première erreur du journal : les suivantes en sont souvent des conséquences.',
        'Vérifiez l’URL, les identifiants et les données d’entrée de l’étape qui a échoué.',
        'Relancez l’étape avec une petite entrée de test.',
      ],
      prevention: ['Journalisez assez de contexte (étape, code de statut) pour diagnostiquer les échecs.', 'Testez les workflows avec des données d’exemple avant de les activer.'],
    },
  },
  builder: {
    answer: 'Voici un brouillon de workflow en {count} étapes. Vérifiez les hypothèses, puis enregistrez-le.',
    defaultName: 'Nouvelle automatisation',
    stepNames: {
      webhook: 'Quand le webhook est appelé',
      schedule: 'Selon la planification ({schedule})',
      delay: 'Attendre {duration}',
      condition: 'Seulement si {field} {operator} {value}',
      emailContact: 'Envoyer un e-mail au contact',
      emailTeam: 'Envoyer un e-mail à l’équipe',
      emailYou: 'Vous envoyer un e-mail',
      emailTo: 'Envoyer un e-mail à {recipient}',
      http: '{method} {host}',
      transform: 'Transformer les données',
      log: 'Journaliser l’exécution',
      stop: 'Terminer l’exécution',
    },
    operators: { contains: 'contient', exists: 'existe', equals: '=', not_equals: '≠', greater_than: '>', less_than: '<' },
    email: {
      contactSubject: 'Merci de nous avoir contactés',
      contactBody: 'Bonjour {{ body.name }},\n\nMerci pour votre message. Nous vous répondrons très vite.',
      welcomeSubject: 'Bienvenue à bord',
      welcomeBody: 'Bonjour {{ body.name }},\n\nBienvenue ! Nous sommes ravis de vous compter parmi nous. Répondez à cet e-mail si vous avez des questions.',
      followUpSubject: 'Suite à votre demande',
      followUpBody: 'Bonjour {{ body.name }},\n\nNous revenons vers vous au sujet de votre demande. Pouvons-nous vous aider pour autre chose ?',
      teamSubject: 'Nouvel événement de votre workflow',
      teamBody: 'Un nouvel événement est arrivé :\n\n{{ body }}',
      scheduleSubject: 'Votre mise à jour planifiée',
      scheduleBody: 'Voici votre message planifié de Levqor.',
      responseBody: 'Le dernier résultat :\n\n{{ response.body }}',
    },
    logMessage: 'Le workflow s’est exécuté',
    assumptions: {
      noTrigger: 'Aucun déclencheur n’a été décrit : le workflow démarre quand son webhook est appelé.',
      webhook: 'Il démarre quand son URL de webhook reçoit une requête : connectez-y votre formulaire ou votre application.',
      defaultTime: 'Aucune heure n’a été indiquée : il s’exécute à {time}.',
      defaultWeekday: 'Aucun jour n’a été indiqué : il s’exécute le lundi.',
      timezone: 'Les heures sont en UTC ; changez le fuseau horaire avant l’activation si besoin.',
      contactRecipient: 'L’e-mail part à {recipient}, l’adresse e-mail des données reçues.',
      teamRecipient: 'Remplacez {recipient} par l’adresse e-mail de votre équipe.',
      userRecipient: 'L’e-mail vous est envoyé ({recipient}) ; changez le destinataire si besoin.',
      placeholderUrl: 'Aucune URL n’a été indiquée : remplacez {url} par la vraie adresse avant l’activation.',
      conditionStops: 'Si la condition est fausse, l’exécution s’arrête.',
      approxOperator: '« {original} » est vérifié comme « {checked} » ; ajustez la valeur si besoin.',
      delayCapped: 'Les attentes sont limitées à 30 jours.',
      addedLog: 'Aucune action n’a été reconnue : le workflow journalise chaque exécution.',
      skipped: 'Non compris et laissé de côté : « {text} ».',
      transformGeneric: 'La transformation transmet les données reçues sous le nom « {field} » ; ajustez la correspondance.',
      draft: 'Il est enregistré comme brouillon ; activez-le quand vous êtes prêt.',
      tooManySteps: 'Seules les 50 premières étapes ont été conservées.',
      invalidFallback: 'Les étapes que j’ai construites n’ont pas passé la validation : ce brouillon ne contient que le déclencheur et une étape de journal. Ajoutez le reste dans l’éditeur, qui explique chaque problème.',
      scheduleNoData: 'Une planification n’apporte aucune donnée : la vérification de {field} n’a rien à lire si aucune étape précédente ne récupère les données (ajoutez d’abord une requête HTTP).',
      relativeTiming: '« {when} » dépend d’une date de vos données : ce brouillon s’exécute donc chaque jour à 09:00 (UTC). Récupérez les éléments à venir avec une étape HTTP et ajoutez une condition sur leur date.',
      elseBranch: 'Si la condition est vraie, l’exécution fait {then} et s’arrête là (étape « {end} ») ; si elle est fausse, elle passe à « {otherwise} ». Modifiez les branches dans l’éditeur si ce n’est pas ce que vous voulez.',
    },
  },
  onboarding: {
    items: {
      create_workflow: { title: 'Créez votre premier workflow', action: 'Créez votre premier workflow à partir d’un modèle ou dans Workflows.' },
      try_builder: { title: 'Essayez le générateur de workflows IA', action: 'Décrivez une automatisation en langage courant dans le générateur de workflows IA.' },
      activate_workflow: { title: 'Activez un workflow', action: 'Activez un workflow pour qu’il commence à tourner.' },
      share_referral: { title: 'Partagez votre lien de parrainage', action: 'Partagez votre lien de parrainage avec quelqu’un à qui Levqor peut servir.' },
      choose_plan: { title: 'Choisissez une formule', action: 'Choisissez une formule sur la page des tarifs pour que vos workflows continuent après l’essai.' },
    },
    progress: 'Vous avez terminé {done} étapes de configuration sur {total}.',
    allDone: 'Votre espace de travail est entièrement configuré. Bravo !',
    trialDaysLeft: { one: 'Votre essai gratuit se termine dans # jour.', other: 'Votre essai gratuit se termine dans # jours.' },
    trialEndsToday: 'Votre essai gratuit se termine aujourd’hui.',
    trialReminder: 'Rappel : {trial}.',
  },
};
