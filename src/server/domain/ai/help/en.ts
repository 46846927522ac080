import type { AiTexts } from './types';

export const en: AiTexts = {
  debugFacts: { lead: 'In this error: {facts}.', host: 'host', port: 'port', path: 'path', status: 'status' },
  help: {
    'getting-started': {
      title: 'Getting started with Levqor',
      summary:
        'Levqor runs workflows for your team: a trigger (a webhook call or a schedule) followed by steps such as e-mails, HTTP calls, delays and conditions. Start from a template or describe the automation in plain language, review the steps, save it as a draft and activate it when it looks right.',
      steps: [
        'Open Workflows and choose New workflow, or describe one in the AI workflow builder on the dashboard.',
        'Review the steps and save the workflow; it starts as a draft.',
        'Activate it from the Workflows list when you are ready.',
      ],
      keywords: 'start begin first setup onboarding new account basics introduction overview how works',
    },
    workflows: {
      title: 'Workflows and the nine step types',
      summary:
        'A workflow starts with one trigger and is followed by up to 50 steps. There are nine step types: webhook trigger, schedule trigger (cron), HTTP request, delay (up to 30 days), condition, transform, e-mail, log and end the run (stops a run early, e.g. after the “true” side of a condition). Steps can use data from earlier steps with {{ placeholders }}, and a condition can only jump forward.',
      steps: [
        'Open Workflows and choose New workflow, or use the AI workflow builder.',
        'Start with a webhook or schedule trigger, then add the steps you need.',
        'Save, check the steps on the workflow page, and activate it.',
      ],
      keywords:
        'workflow automation automate step steps trigger webhook schedule cron http request delay wait condition transform email log create edit activate pause delete',
    },
    templates: {
      title: 'Starting from a template',
      summary:
        'Templates are ready-made workflows for common jobs, such as capturing leads from a form or sending a weekly digest. Choosing one creates a copy in your workspace that you can rename and adjust before you activate it.',
      steps: [
        'Open the templates list on your dashboard.',
        'Choose the template that matches your job and create your copy.',
        'Adjust its e-mail texts, URLs and schedule, then activate it.',
      ],
      keywords: 'template templates ready made example examples gallery starter recipe library copy use',
    },
    referrals: {
      title: 'Sharing your referral link',
      summary:
        'Every user has a personal referral link. When someone signs up through it, they appear in your referral results, and when they become a paying customer the referral is marked as converted.',
      steps: [
        'Find your referral link in the growth panel on the dashboard.',
        'Copy the link and share it with people who could use Levqor.',
        'Follow sign-ups and conversions in your referral results.',
      ],
      keywords: 'referral refer friend link share invite code reward recommend affiliate conversions signups',
    },
    'invite-teammate': {
      title: 'Inviting a teammate',
      summary:
        'Owners invite teammates from the Team page: enter their e-mail address and a role, member or owner. The invitation link works once and expires in 7 days; when this server has no e-mail set up, the owner copies the link and sends it. The invitee chooses a name and password and joins your workspace.',
      steps: [
        'Open Team in the dashboard (owners only).',
        'Enter the e-mail address, choose member or owner, and send the invitation.',
        'Change roles or remove members on the same page; the last owner cannot leave or be demoted.',
      ],
      keywords: 'invite teammate colleague coworker co-worker team member members add user users seat seats join access collaborate',
    },
    'billing-trial': {
      title: 'Plans, prices and your free trial',
      summary:
        'Every workspace starts with: {trial}. Monthly plans: {monthly}. Yearly plans: {yearly}. Done-For-You setup: {dfy}. Support replies within {sla}.',
      steps: [
        'Open the pricing page and compare the plans, monthly or yearly.',
        'Choose a plan and complete the checkout with your card.',
        'To avoid charges, cancel before day 7 of your trial.',
      ],
      keywords:
        'price prices pricing plan plans cost costs billing bill pay payment subscription subscribe trial free card charge cancel upgrade downgrade invoice monthly yearly annual',
    },
    'health-tiles': {
      title: 'Reading the service status',
      summary:
        'The Service status panel on the dashboard shows whether Levqor is up and whether your workflow runs go out on time. Green means OK, amber a warning or a delay, red that something is down. It refreshes every 30 seconds; Levqor admins also see one tile per infrastructure check.',
      steps: [
        'Check the status badge at the top of the panel.',
        'If your workflow runs show Delayed, they start late but are not lost.',
        'If it stays red, tell your Levqor admin; incidents are recorded automatically.',
      ],
      keywords: 'health tile tiles status system uptime down degraded red amber green database workers errors monitoring incident service delayed runs late',
    },
    reports: {
      title: 'Weekly reports',
      summary:
        'Every Monday at 08:00 (London time) your workspace gets its weekly report: workflows, runs and their success rate, API calls, AI credits and referrals, each beside the week before. Open Reports in the dashboard; owners also get it by e-mail when e-mail is configured. Levqor admins also read a platform report on the admin Reports page.',
      steps: [
        'Open Reports in the dashboard.',
        'Compare the week with the one before: runs, success rate and usage.',
        'Open Runs to see why a failed run failed.',
      ],
      keywords: 'report reports weekly week summary metrics figures revenue mrr analytics statistics stats runs success rate usage workspace',
    },
    security: {
      title: 'Security and privacy',
      summary:
        'Passwords are hashed with Argon2id, repeated failed sign-ins are throttled, and each workspace’s data is kept apart: another workspace can never see your workflows. IP addresses are only stored as salted hashes, logs never hold personal data, and outside services (payments, AI, e-mail) are only contacted when configured.',
      steps: [
        'Use a long, unique password, or sign in with Google, GitHub or Microsoft when offered.',
        'Sign out on shared computers.',
        'Give API keys used in HTTP steps only the access the workflow needs.',
      ],
      keywords: 'security secure privacy private data password encryption gdpr safe protect hack login sign in personal',
    },
    support: {
      title: 'Getting help from support',
      summary:
        'Open a ticket under Support in the dashboard menu: everyone in your workspace sees its tickets. Support replies within your plan’s reply time ({sla}), and within that time again whenever you write back; when this server sends e-mail, our answer reaches you by e-mail too. Close a ticket when you are done and rate our answer from 1 to 5. Without an account, or if you cannot sign in, use the Contact page linked at the bottom of every page.',
      steps: [
        'Open Support from the dashboard menu.',
        'Give the ticket a subject and describe what you tried, what happened and, for a run, its link.',
        'Follow the answer on the ticket’s page: reply, or close it and rate it.',
      ],
      keywords: 'support help contact ticket tickets question problem issue bug reply answer response time sla human agent email message complaint stuck locked',
    },
    password: {
      title: 'Changing or resetting your password',
      summary:
        'To change your password, open Settings, enter the current one and the new one twice: every other browser signed in to your account is signed out. If you forgot it, choose “Forgot your password?” on the sign-in page: Levqor e-mails a link that works once, for an hour. On a server that cannot send e-mail, ask your administrator for a reset link.',
      steps: [
        'Open Settings from the dashboard menu.',
        'Under Password, enter the current password and the new one twice, then choose Change password.',
        'Forgot it? On the sign-in page choose “Forgot your password?” and follow the link in the e-mail.',
      ],
      keywords: 'password change reset forgot forgotten lost new update sign in login locked out link email recover',
    },
    'ai-credits': {
      title: 'AI helpers and AI credits',
      summary:
        'The AI helpers answer questions, build workflows from a description, explain errors and suggest your next steps. Each request uses AI credits from your workspace’s monthly allowance ({credits}); trials get the Starter allowance. Allowances reset on the first day of each month.',
      steps: [
        'See how many credits are left at the top of the AI helpers panel.',
        'Answers from the built-in engine use 1 credit and answers from OpenAI use 2; the onboarding checklist is free.',
        'Need more? Move to a larger plan on the pricing page.',
      ],
      keywords: 'ai credit credits assistant helper chat builder debugger limit allowance quota usage openai gpt',
    },
    language: {
      title: 'Changing your language',
      summary:
        'Levqor is available in English, Spanish, French, German, Portuguese, Italian, Dutch, Hindi and Japanese. Choose yours with the language menu in the header; the choice is remembered for your account.',
      steps: ['Open the language menu in the header.', 'Choose your language; the page reloads in it.', 'The AI helpers answer in the same language.'],
      keywords: 'language languages locale translate translation english spanish french german portuguese italian dutch hindi japanese',
    },
  },
  chat: {
    noMatch: 'I could not find a help article that answers this. These topics may help:',
  },
  debug: {
    connection_refused: {
      title: 'Connection refused',
      explanation:
        'The server was reached, but nothing accepted the connection on that port: the service is down, listening on another port, or a firewall rejects it.',
      steps: [
        'Check that the service is running and listening on the host and port in the URL.',
        'Open the URL from another tool (curl, a browser) to confirm it answers.',
        'If it runs behind a firewall, allow connections from Levqor.',
      ],
      prevention: ['Monitor the endpoint’s uptime and alert when it stops answering.', 'Keep the workflow’s URL in sync when the service moves.'],
    },
    connection_reset: {
      title: 'Connection reset',
      explanation: 'The connection was opened and then closed abruptly by the other side or a proxy before a full answer arrived.',
      steps: [
        'Retry the request: a reset is often caused by a restart or a short network fault.',
        'Check the target service’s logs for crashes or closed connections.',
        'Make sure a proxy or load balancer is not cutting long requests.',
      ],
      prevention: ['Enable retries with backoff for calls to this service.', 'Keep request bodies and response times small.'],
    },
    dns: {
      title: 'Host name not found (DNS)',
      explanation: 'The host name in the URL could not be resolved to an address: it is misspelled, does not exist, or DNS is not answering.',
      steps: [
        'Check the host name in the URL for typos.',
        'Confirm that the domain exists and has DNS records (for example with dig or nslookup).',
        'If the domain was just created or moved, wait for DNS to propagate and retry.',
      ],
      prevention: ['Copy URLs from the provider’s documentation instead of typing them.', 'Watch domain renewals so the name never lapses.'],
    },
    timeout: {
      title: 'Request timed out',
      explanation: 'The other side did not answer within the time limit, because it is slow, overloaded or unreachable.',
      steps: [
        'Check whether the service is slow or down right now.',
        'Raise the step’s timeout (up to 30 seconds) if the operation is legitimately slow.',
        'Send less data per request, or ask the service for a faster endpoint.',
      ],
      prevention: ['Add retries with backoff for slow dependencies.', 'Alert on rising response times before they hit the limit.'],
    },
    tls: {
      title: 'TLS / certificate problem',
      explanation:
        'The secure connection could not be established: the certificate is expired, self-signed, issued for another host name, or its chain is incomplete.',
      steps: [
        'Open the URL in a browser and inspect the certificate (expiry date and host name).',
        'Make sure the server sends the full certificate chain.',
        'Use the exact host name the certificate was issued for.',
      ],
      prevention: ['Automate certificate renewal (for example with Let’s Encrypt).', 'Monitor certificate expiry dates.'],
    },
    unauthorized: {
      title: 'Not authenticated (401)',
      explanation: 'The service did not accept the credentials: the API key or token is missing, wrong, expired or revoked.',
      steps: [
        'Check that the Authorization header or API key is present in the step.',
        'Create a new key or token in the provider’s dashboard and replace the old one.',
        'Make sure the key belongs to the right environment (live or test).',
      ],
      prevention: ['Rotate keys on a schedule and update workflows in the same change.', 'Prefer long-lived service keys over personal tokens.'],
    },
    forbidden: {
      title: 'Not allowed (403)',
      explanation: 'The credentials were recognised but do not grant access to this resource or action.',
      steps: [
        'Check the key’s permissions or scopes in the provider’s dashboard.',
        'Confirm that the account can access this specific resource.',
        'Check for IP allow-lists that may block the request.',
      ],
      prevention: ['Give each integration a key with exactly the scopes it needs.', 'Document which account owns each integration.'],
    },
    not_found: {
      title: 'Not found (404)',
      explanation: 'The server answered, but the path or resource in the request does not exist (any more).',
      steps: [
        'Check the URL path, including version prefixes such as /v1.',
        'Check that any id in the URL still exists.',
        'Compare with the provider’s current API documentation.',
      ],
      prevention: ['Store ids from earlier steps instead of hard-coding them.', 'Follow the provider’s deprecation notices.'],
    },
    rate_limited: {
      title: 'Rate limited (429)',
      explanation: 'Too many requests were sent in a short time; the service refuses more until its window resets.',
      steps: [
        'Wait for the time in the Retry-After header, then retry.',
        'Add a delay step between bursts of calls.',
        'Check the provider’s limits for your plan.',
      ],
      prevention: ['Spread scheduled workflows over time instead of running them together.', 'Batch several items into one request where the API allows it.'],
    },
    server_error: {
      title: 'Server error (5xx)',
      explanation: 'The other service failed while handling the request (500, 502, 503 or 504); usually the problem is on its side.',
      steps: [
        'Retry in a few minutes: many 5xx errors are temporary.',
        'Check the provider’s status page for an ongoing incident.',
        'If it persists, send the provider the request id and time.',
      ],
      prevention: ['Enable retries with backoff for this step.', 'Make the workflow safe to re-run (idempotent requests).'],
    },
    invalid_json: {
      title: 'Invalid JSON',
      explanation: 'A text that should be JSON could not be parsed: a quote, comma or bracket is wrong, or the response was HTML or empty.',
      steps: [
        'Look at the raw text at the position named in the error.',
        'Check that the request sends the header Content-Type: application/json.',
        'If a response was HTML, the URL probably points to a web page or an error page.',
      ],
      prevention: ['Build JSON with a transform step instead of by hand.', 'Validate example payloads with a JSON linter before using them.'],
    },
    schema_validation: {
      title: 'Validation failed',
      explanation: 'The data is valid JSON but does not have the expected shape: a required field is missing or a value has the wrong type or format.',
      steps: [
        'Read the field name and message in the error.',
        'Compare the data with the expected format in the documentation.',
        'Map or convert the field in a transform step before this one.',
      ],
      prevention: ['Test the workflow with a realistic sample before activating it.', 'Add a condition step that checks required fields first.'],
    },
    card_declined: {
      title: 'Card declined',
      explanation: 'The card issuer refused the payment (for example insufficient funds, an expired card or a wrong security code).',
      steps: [
        'Check the card number, expiry date and security code.',
        'Try another card, or ask the bank to allow the payment.',
        'Retry the checkout once the card is fixed.',
      ],
      prevention: ['Keep the card on file up to date before it expires.', 'Watch for failed-payment e-mails.'],
    },
    webhook_signature: {
      title: 'Webhook signature invalid',
      explanation:
        'The webhook’s signature did not match: the signing secret is wrong, the body was changed (parsed and re-serialised) before checking, or the timestamp is too old.',
      steps: [
        'Copy the signing secret of this exact endpoint again (test and live secrets differ).',
        'Verify the signature on the raw request body, byte for byte.',
        'Check the server’s clock: signatures older than the tolerance are refused.',
      ],
      prevention: ['Keep one secret per endpoint and environment.', 'Never parse the body before verifying the signature.'],
    },
    unknown: {
      title: 'Unrecognised error',
      explanation: 'This error does not match a known pattern. The general checklist below finds most causes.',
      steps: [
        'Find the first error in the log: later errors are often consequences.',
        'Check the URL, credentials and input data of the step that failed.',
        'Run the step again with a small test input.',
      ],
      prevention: ['Log enough context (step, status code) to diagnose failures.', 'Test workflows with sample data before activating them.'],
    },
  },
  builder: {
    answer: 'Here is a draft workflow with {count} steps. Check the assumptions, then save it.',
    defaultName: 'New automation',
    stepNames: {
      webhook: 'When the webhook is called',
      schedule: 'On schedule ({schedule})',
      delay: 'Wait {duration}',
      condition: 'Only if {field} {operator} {value}',
      emailContact: 'E-mail the contact',
      emailTeam: 'E-mail the team',
      emailYou: 'E-mail you',
      emailTo: 'E-mail {recipient}',
      http: '{method} {host}',
      transform: 'Transform the data',
      log: 'Record the run',
      stop: 'End the run',
    },
    operators: { contains: 'contains', exists: 'exists', equals: '=', not_equals: '≠', greater_than: '>', less_than: '<' },
    email: {
      contactSubject: 'Thanks for getting in touch',
      contactBody: 'Hi {{ body.name }},\n\nThank you for your message. We will get back to you shortly.',
      welcomeSubject: 'Welcome aboard',
      welcomeBody: 'Hi {{ body.name }},\n\nWelcome! We are glad to have you. Reply to this e-mail if you have any questions.',
      followUpSubject: 'Following up',
      followUpBody: 'Hi {{ body.name }},\n\nJust following up on your request. Is there anything else we can help with?',
      teamSubject: 'New event from your workflow',
      teamBody: 'A new event arrived:\n\n{{ body }}',
      scheduleSubject: 'Your scheduled update',
      scheduleBody: 'This is your scheduled message from Levqor.',
      responseBody: 'The latest result:\n\n{{ response.body }}',
    },
    logMessage: 'Workflow ran',
    assumptions: {
      noTrigger: 'No trigger was described, so the workflow starts when its webhook is called.',
      webhook: 'It starts when its webhook URL receives a request: connect your form or app to it.',
      defaultTime: 'No time was given, so it runs at {time}.',
      defaultWeekday: 'No day was given, so it runs on Mondays.',
      timezone: 'Times are in UTC; change the timezone before activating if needed.',
      contactRecipient: 'The e-mail goes to {recipient}, the e-mail address in the incoming data.',
      teamRecipient: 'Replace {recipient} with your team’s e-mail address.',
      userRecipient: 'The e-mail goes to you ({recipient}); change the recipient if needed.',
      placeholderUrl: 'No URL was given: replace {url} with the real address before activating.',
      conditionStops: 'When the condition is false, the run stops.',
      approxOperator: '“{original}” is checked as “{checked}”; adjust the value if needed.',
      delayCapped: 'Delays are capped at 30 days.',
      addedLog: 'No action was recognised, so the workflow records each run in the log.',
      skipped: 'Not understood and left out: “{text}”.',
      transformGeneric: 'The transform passes the incoming data on as “{field}”; adjust the mapping.',
      draft: 'It is saved as a draft; activate it when you are ready.',
      tooManySteps: 'Only the first 50 steps were kept.',
      invalidFallback: 'The steps I built did not pass validation, so this draft holds only the trigger and a log step: add the rest in the editor, which explains each problem.',
      scheduleNoData: 'A schedule brings no data: the check on {field} has nothing to read unless a step before it fetches the data (add an HTTP request first).',
      relativeTiming: '“{when}” depends on a date in your data, so this draft runs every day at 09:00 (UTC): fetch the upcoming items with an HTTP step and add a condition on their date.',
      elseBranch: 'When the condition is true the run does {then} and ends there (step “{end}”); when it is false it jumps to “{otherwise}”. Change the branches in the editor if that is not what you want.',
    },
  },
  onboarding: {
    items: {
      create_workflow: { title: 'Create your first workflow', action: 'Create your first workflow from a template or in Workflows.' },
      try_builder: { title: 'Try the AI workflow builder', action: 'Describe an automation in plain language in the AI workflow builder.' },
      activate_workflow: { title: 'Activate a workflow', action: 'Activate a workflow so it starts running.' },
      share_referral: { title: 'Share your referral link', action: 'Share your referral link with someone who could use Levqor.' },
      choose_plan: { title: 'Choose a plan', action: 'Choose a plan on the pricing page to keep your workflows running after the trial.' },
    },
    progress: 'You have completed {done} of {total} setup steps.',
    allDone: 'Your workspace is fully set up. Nice work!',
    trialDaysLeft: { one: 'Your free trial ends in # day.', other: 'Your free trial ends in # days.' },
    trialEndsToday: 'Your free trial ends today.',
    trialReminder: 'Reminder: {trial}.',
  },
};
