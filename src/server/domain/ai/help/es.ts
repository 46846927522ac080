import type { AiTexts } from './types';

export const es: AiTexts = {
  debugFacts: { lead: 'En este error: {facts}.', host: 'host', port: 'puerto', path: 'ruta', status: 'estado' },
  help: {
    'getting-started': {
      title: 'Primeros pasos con Levqor',
      summary:
        'Levqor ejecuta flujos de trabajo para tu equipo: un disparador (una llamada de webhook o una programación) seguido de pasos como correos, llamadas HTTP, esperas y condiciones. Empieza desde una plantilla o describe la automatización con tus palabras, revisa los pasos, guárdala como borrador y actívala cuando esté lista.',
      steps: [
        'Abre Flujos de trabajo y elige Nuevo flujo, o descríbelo en el generador de flujos con IA del panel.',
        'Revisa los pasos y guarda el flujo; empieza como borrador.',
        'Actívalo desde la lista de flujos cuando estés listo.',
      ],
      keywords: 'empezar comenzar inicio primeros pasos configurar cuenta nueva básico introducción cómo funciona',
    },
    workflows: {
      title: 'Flujos de trabajo y los nueve tipos de paso',
      summary:
        'Un flujo empieza con un disparador y le siguen hasta 50 pasos. Hay nueve tipos de paso: disparador webhook, disparador programado (cron), solicitud HTTP, espera (hasta 30 días), condición, transformación, correo, registro y terminar la ejecución (la detiene antes, p. ej. tras el lado «verdadero» de una condición). Los pasos pueden usar datos de pasos anteriores con {{ marcadores }}, y una condición solo puede saltar hacia delante.',
      steps: [
        'Abre Flujos de trabajo y elige Nuevo flujo, o usa el generador de flujos con IA.',
        'Empieza con un disparador webhook o programado y añade los pasos que necesites.',
        'Guarda, revisa los pasos en la página del flujo y actívalo.',
      ],
      keywords: 'flujo flujos automatización automatizar paso pasos disparador webhook programación cron http espera condición transformar correo registro crear editar activar pausar',
    },
    templates: {
      title: 'Empezar desde una plantilla',
      summary:
        'Las plantillas son flujos listos para tareas habituales, como captar clientes potenciales desde un formulario o enviar un resumen semanal. Al elegir una se crea una copia en tu espacio de trabajo que puedes renombrar y ajustar antes de activarla.',
      steps: [
        'Abre la lista de plantillas en tu panel.',
        'Elige la plantilla que encaje con tu tarea y crea tu copia.',
        'Ajusta sus textos de correo, URL y programación, y actívala.',
      ],
      keywords: 'plantilla plantillas ejemplo ejemplos galería receta biblioteca copiar usar',
    },
    referrals: {
      title: 'Compartir tu enlace de referido',
      summary:
        'Cada usuario tiene un enlace de referido personal. Cuando alguien se registra con él, aparece en tus resultados de referidos, y cuando se convierte en cliente de pago el referido se marca como convertido.',
      steps: [
        'Busca tu enlace de referido en el panel de crecimiento del panel principal.',
        'Copia el enlace y compártelo con quien pueda usar Levqor.',
        'Sigue los registros y conversiones en tus resultados de referidos.',
      ],
      keywords: 'referido referidos recomendar amigo enlace compartir invitar código recompensa afiliado conversiones registros',
    },
    'invite-teammate': {
      title: 'Invitar a un compañero',
      summary:
        'Los propietarios invitan a compañeros desde la página Equipo: escribe su correo y un rol, miembro o propietario. El enlace de invitación sirve una vez y caduca en 7 días; si este servidor no tiene correo configurado, el propietario copia el enlace y lo envía. La persona invitada elige nombre y contraseña y se une a tu espacio de trabajo.',
      steps: [
        'Abre Equipo en el panel (solo propietarios).',
        'Escribe el correo, elige miembro o propietario y envía la invitación.',
        'Cambia roles o quita miembros en la misma página; el último propietario no puede irse ni perder el rol.',
      ],
      keywords: 'invitar invito compañero compañera colega equipo miembro miembros añadir usuario usuarios acceso unirse colaborar',
    },
    'billing-trial': {
      title: 'Planes, precios y tu prueba gratuita',
      summary:
        'Todos los espacios de trabajo empiezan con: {trial}. Planes mensuales: {monthly}. Planes anuales: {yearly}. Configuración Done-For-You: {dfy}. El soporte responde en {sla}.',
      steps: [
        'Abre la página de precios y compara los planes, mensuales o anuales.',
        'Elige un plan y completa el pago con tu tarjeta.',
        'Para evitar cargos, cancela antes del día 7 de tu prueba.',
      ],
      keywords: 'precio precios plan planes coste cuesta cuánto facturación pago suscripción prueba gratis gratuita tarjeta cargo cancelar mejorar mensual anual',
    },
    'health-tiles': {
      title: 'Leer el estado del servicio',
      summary:
        'El panel Estado del servicio del panel principal muestra si Levqor funciona y si las ejecuciones de tus flujos salen a tiempo. Verde es correcto, ámbar un aviso o un retraso, rojo que algo no funciona. Se actualiza cada 30 segundos; los administradores de Levqor ven además una casilla por cada comprobación de infraestructura.',
      steps: [
        'Mira la insignia de estado arriba del panel.',
        'Si tus ejecuciones aparecen Con retraso, empiezan tarde pero no se pierden.',
        'Si sigue en rojo, avisa a tu administrador de Levqor; las incidencias se registran automáticamente.',
      ],
      keywords: 'estado salud indicador sistema caído degradado rojo ámbar verde base de datos errores monitorización incidente',
    },
    reports: {
      title: 'Informes semanales',
      summary:
        'Cada lunes a las 08:00 (hora de Londres) tu espacio de trabajo recibe su informe semanal: flujos, ejecuciones y su tasa de éxito, llamadas a la API, créditos de IA y referidos, cada uno junto a la semana anterior. Abre Informes en el panel; los propietarios también lo reciben por correo si el correo está configurado. Los administradores de Levqor leen además un informe de la plataforma en la página de informes de administración.',
      steps: [
        'Abre Informes en el panel.',
        'Compara la semana con la anterior: ejecuciones, tasa de éxito y uso.',
        'Abre Ejecuciones para ver por qué falló una ejecución.',
      ],
      keywords: 'informe informes semanal semana resumen métricas cifras ingresos mrr estadísticas',
    },
    security: {
      title: 'Seguridad y privacidad',
      summary:
        'Las contraseñas se cifran con Argon2id, los inicios de sesión fallidos repetidos se limitan y los datos de cada espacio están separados: otro espacio nunca puede ver tus flujos. Las direcciones IP solo se guardan como hashes con sal, los registros nunca contienen datos personales y los servicios externos (pagos, IA, correo) solo se contactan cuando están configurados.',
      steps: [
        'Usa una contraseña larga y única, o inicia sesión con Google, GitHub o Microsoft cuando se ofrezca.',
        'Cierra sesión en ordenadores compartidos.',
        'Da a las claves API de los pasos HTTP solo el acceso que el flujo necesita.',
      ],
      keywords: 'seguridad seguro privacidad datos contraseña cifrado rgpd proteger personal',
    },
    support: {
      title: 'Obtener ayuda del soporte',
      summary:
        'Abre un ticket en Soporte, en el menú del panel: todo tu espacio de trabajo ve sus tickets. Respondemos en el plazo de tu plan ({sla}) y de nuevo en ese plazo cada vez que respondes; si este servidor envía correo, también recibes nuestra respuesta por correo. Cierra el ticket cuando termines y valora nuestra respuesta del 1 al 5. Sin cuenta, o si no puedes iniciar sesión, usa la página de Contacto enlazada al pie de cada página.',
      steps: [
        'Abre Soporte desde el menú del panel.',
        'Pon un asunto al ticket y describe qué intentaste, qué pasó y, si es una ejecución, su enlace.',
        'Sigue la respuesta en la página del ticket: responde, o ciérralo y valóralo.',
      ],
      keywords: 'soporte ayuda contacto ticket tickets pregunta problema error respuesta plazo persona correo mensaje queja bloqueado',
    },
    password: {
      title: 'Cambiar o restablecer tu contraseña',
      summary:
        'Para cambiar tu contraseña, abre Ajustes, escribe la actual y la nueva dos veces: se cierra la sesión en cualquier otro navegador conectado a tu cuenta. Si la olvidaste, elige «¿Olvidaste tu contraseña?» en la página de inicio de sesión: Levqor te envía un enlace que funciona una vez, durante una hora. En un servidor que no puede enviar correos, pide un enlace a tu administrador.',
      steps: [
        'Abre Ajustes desde el menú del panel.',
        'En Contraseña, escribe la actual y la nueva dos veces y elige Cambiar contraseña.',
        '¿La olvidaste? En la página de inicio de sesión elige «¿Olvidaste tu contraseña?» y sigue el enlace del correo.',
      ],
      keywords: 'contraseña cambiar restablecer olvidé olvidada perdida nueva iniciar sesión acceso bloqueado enlace correo recuperar',
    },
    'ai-credits': {
      title: 'Asistentes de IA y créditos de IA',
      summary:
        'Los asistentes de IA responden preguntas, crean flujos a partir de una descripción, explican errores y sugieren tus siguientes pasos. Cada solicitud usa créditos de IA de la asignación mensual de tu espacio ({credits}); las pruebas tienen la asignación Starter. Las asignaciones se renuevan el primer día de cada mes.',
      steps: [
        'Consulta los créditos que te quedan en la parte superior de los asistentes de IA.',
        'Las respuestas del motor integrado usan 1 crédito y las de OpenAI 2; la lista de bienvenida es gratis.',
        '¿Necesitas más? Pasa a un plan mayor en la página de precios.',
      ],
      keywords: 'ia crédito créditos asistente chat generador depurador límite cuota uso openai gpt',
    },
    language: {
      title: 'Cambiar el idioma',
      summary:
        'Levqor está disponible en inglés, español, francés, alemán, portugués, italiano, neerlandés, hindi y japonés. Elige el tuyo en el menú de idioma de la cabecera; la elección se recuerda en tu cuenta.',
      steps: ['Abre el menú de idioma en la cabecera.', 'Elige tu idioma; la página se recarga en él.', 'Los asistentes de IA responden en el mismo idioma.'],
      keywords: 'idioma idiomas lengua traducir traducción inglés español francés alemán portugués italiano neerlandés hindi japonés',
    },
  },
  chat: {
    noMatch: 'No encontré un artículo de ayuda que responda a esto. Estos temas pueden ayudarte:',
  },
  debug: {
    connection_refused: {
      title: 'Conexión rechazada',
      explanation:
        'Se alcanzó el servidor, pero nada aceptó la conexión en ese puerto: el servicio está caído, escucha en otro puerto o un cortafuegos la rechaza.',
      steps: [
        'Comprueba que el servicio está en marcha y escucha en el host y puerto de la URL.',
        'Abre la URL desde otra herramienta (curl, un navegador) para confirmar que responde.',
        'Si está detrás de un cortafuegos, permite las conexiones desde Levqor.',
      ],
      prevention: ['Supervisa la disponibilidad del endpoint y recibe un aviso cuando deje de responder.', 'Mantén la URL del flujo al día cuando el servicio cambie de sitio.'],
    },
    connection_reset: {
      title: 'Conexión restablecida',
      explanation: 'La conexión se abrió y luego el otro lado o un proxy la cerró de golpe antes de que llegara una respuesta completa.',
      steps: [
        'Repite la solicitud: un restablecimiento suele deberse a un reinicio o a un fallo breve de red.',
        'Revisa los registros del servicio de destino por caídas o conexiones cerradas.',
        'Asegúrate de que un proxy o balanceador no corta las solicitudes largas.',
      ],
      prevention: ['Activa reintentos con espera progresiva para este servicio.', 'Mantén pequeños los cuerpos de las solicitudes y los tiempos de respuesta.'],
    },
    dns: {
      title: 'Nombre de host no encontrado (DNS)',
      explanation: 'El nombre de host de la URL no se pudo resolver a una dirección: está mal escrito, no existe o el DNS no responde.',
      steps: [
        'Revisa si hay erratas en el nombre de host de la URL.',
        'Confirma que el dominio existe y tiene registros DNS (por ejemplo con dig o nslookup).',
        'Si el dominio se acaba de crear o mover, espera a que el DNS se propague y vuelve a intentarlo.',
      ],
      prevention: ['Copia las URL de la documentación del proveedor en lugar de teclearlas.', 'Vigila las renovaciones del dominio para que nunca caduque.'],
    },
    timeout: {
      title: 'Tiempo de espera agotado',
      explanation: 'El otro lado no respondió dentro del límite de tiempo porque está lento, sobrecargado o inaccesible.',
      steps: [
        'Comprueba si el servicio está lento o caído ahora mismo.',
        'Aumenta el tiempo de espera del paso (hasta 30 segundos) si la operación es lenta de verdad.',
        'Envía menos datos por solicitud o pide al servicio un endpoint más rápido.',
      ],
      prevention: ['Añade reintentos con espera progresiva para dependencias lentas.', 'Avisa cuando los tiempos de respuesta suban, antes de llegar al límite.'],
    },
    tls: {
      title: 'Problema de TLS / certificado',
      explanation:
        'No se pudo establecer la conexión segura: el certificado ha caducado, es autofirmado, está emitido para otro nombre de host o su cadena está incompleta.',
      steps: [
        'Abre la URL en un navegador e inspecciona el certificado (fecha de caducidad y nombre de host).',
        'Asegúrate de que el servidor envía la cadena de certificados completa.',
        'Usa exactamente el nombre de host para el que se emitió el certificado.',
      ],
      prevention: ['Automatiza la renovación de certificados (por ejemplo con Let’s Encrypt).', 'Supervisa las fechas de caducidad de los certificados.'],
    },
    unauthorized: {
      title: 'No autenticado (401)',
      explanation: 'El servicio no aceptó las credenciales: la clave API o el token falta, es incorrecto, ha caducado o se ha revocado.',
      steps: [
        'Comprueba que la cabecera Authorization o la clave API está en el paso.',
        'Crea una clave o token nuevo en el panel del proveedor y sustituye el antiguo.',
        'Asegúrate de que la clave es del entorno correcto (producción o pruebas).',
      ],
      prevention: ['Rota las claves periódicamente y actualiza los flujos en el mismo cambio.', 'Prefiere claves de servicio duraderas a tokens personales.'],
    },
    forbidden: {
      title: 'No permitido (403)',
      explanation: 'Las credenciales se reconocieron, pero no dan acceso a este recurso o acción.',
      steps: [
        'Revisa los permisos o ámbitos de la clave en el panel del proveedor.',
        'Confirma que la cuenta puede acceder a este recurso concreto.',
        'Busca listas de IP permitidas que puedan bloquear la solicitud.',
      ],
      prevention: ['Da a cada integración una clave con exactamente los ámbitos que necesita.', 'Documenta qué cuenta es dueña de cada integración.'],
    },
    not_found: {
      title: 'No encontrado (404)',
      explanation: 'El servidor respondió, pero la ruta o el recurso de la solicitud no existe (o ya no existe).',
      steps: [
        'Revisa la ruta de la URL, incluidos prefijos de versión como /v1.',
        'Comprueba que cualquier id de la URL sigue existiendo.',
        'Compárala con la documentación actual de la API del proveedor.',
      ],
      prevention: ['Guarda los id de pasos anteriores en lugar de escribirlos a mano.', 'Sigue los avisos de obsolescencia del proveedor.'],
    },
    rate_limited: {
      title: 'Límite de solicitudes (429)',
      explanation: 'Se enviaron demasiadas solicitudes en poco tiempo; el servicio rechaza más hasta que se reinicie su ventana.',
      steps: [
        'Espera el tiempo indicado en la cabecera Retry-After y vuelve a intentarlo.',
        'Añade un paso de espera entre ráfagas de llamadas.',
        'Consulta los límites del proveedor para tu plan.',
      ],
      prevention: ['Reparte los flujos programados en el tiempo en lugar de lanzarlos juntos.', 'Agrupa varios elementos en una solicitud cuando la API lo permita.'],
    },
    server_error: {
      title: 'Error del servidor (5xx)',
      explanation: 'El otro servicio falló al procesar la solicitud (500, 502, 503 o 504); normalmente el problema está de su lado.',
      steps: [
        'Vuelve a intentarlo en unos minutos: muchos errores 5xx son temporales.',
        'Consulta la página de estado del proveedor por si hay una incidencia.',
        'Si persiste, envía al proveedor el id de la solicitud y la hora.',
      ],
      prevention: ['Activa reintentos con espera progresiva para este paso.', 'Haz que el flujo pueda repetirse sin efectos dobles (solicitudes idempotentes).'],
    },
    invalid_json: {
      title: 'JSON no válido',
      explanation: 'Un texto que debía ser JSON no se pudo interpretar: falla una comilla, coma o corchete, o la respuesta era HTML o estaba vacía.',
      steps: [
        'Mira el texto en bruto en la posición que indica el error.',
        'Comprueba que la solicitud envía la cabecera Content-Type: application/json.',
        'Si la respuesta era HTML, la URL probablemente apunta a una página web o de error.',
      ],
      prevention: ['Construye el JSON con un paso de transformación en lugar de a mano.', 'Valida los ejemplos con un validador de JSON antes de usarlos.'],
    },
    schema_validation: {
      title: 'Validación fallida',
      explanation: 'Los datos son JSON válido pero no tienen la forma esperada: falta un campo obligatorio o un valor tiene un tipo o formato incorrecto.',
      steps: [
        'Lee el nombre del campo y el mensaje del error.',
        'Compara los datos con el formato esperado en la documentación.',
        'Adapta o convierte el campo en un paso de transformación previo.',
      ],
      prevention: ['Prueba el flujo con una muestra realista antes de activarlo.', 'Añade antes un paso de condición que compruebe los campos obligatorios.'],
    },
    card_declined: {
      title: 'Tarjeta rechazada',
      explanation: 'El emisor de la tarjeta rechazó el pago (por ejemplo fondos insuficientes, tarjeta caducada o código de seguridad incorrecto).',
      steps: [
        'Revisa el número de la tarjeta, la fecha de caducidad y el código de seguridad.',
        'Prueba con otra tarjeta o pide al banco que autorice el pago.',
        'Repite el pago cuando la tarjeta esté arreglada.',
      ],
      prevention: ['Mantén al día la tarjeta guardada antes de que caduque.', 'Atiende a los correos de pagos fallidos.'],
    },
    webhook_signature: {
      title: 'Firma del webhook no válida',
      explanation:
        'La firma del webhook no coincidía: el secreto de firma es incorrecto, el cuerpo se modificó (se interpretó y volvió a serializar) antes de comprobarlo o la marca de tiempo es demasiado antigua.',
      steps: [
        'Vuelve a copiar el secreto de firma de este endpoint exacto (los de pruebas y producción son distintos).',
        'Verifica la firma sobre el cuerpo en bruto, byte a byte.',
        'Revisa el reloj del servidor: se rechazan las firmas más antiguas que la tolerancia.',
      ],
      prevention: ['Usa un secreto por endpoint y entorno.', 'Nunca interpretes el cuerpo antes de verificar la firma.'],
    },
    unknown: {
      title: 'Error no reconocido',
      explanation: 'Este error no coincide con un patrón conocido. La lista general de abajo encuentra la mayoría de las causas.',
      steps: [
        'Busca el primer error del registro: los siguientes suelen ser consecuencias.',
        'Revisa la URL, las credenciales y los datos de entrada del paso que falló.',
        'Ejecuta el paso de nuevo con una entrada de prueba pequeña.',
      ],
      prevention: ['Registra contexto suficiente (paso, código de estado) para diagnosticar fallos.', 'Prueba los flujos con datos de ejemplo antes de activarlos.'],
    },
  },
  builder: {
    answer: 'Aquí tienes un borrador de flujo con {count} pasos. Revisa las suposiciones y guárdalo.',
    defaultName: 'Nueva automatización',
    stepNames: {
      webhook: 'Cuando se llama al webhook',
      schedule: 'Según programación ({schedule})',
      delay: 'Esperar {duration}',
      condition: 'Solo si {field} {operator} {value}',
      emailContact: 'Enviar correo al contacto',
      emailTeam: 'Enviar correo al equipo',
      emailYou: 'Enviarte un correo',
      emailTo: 'Enviar correo a {recipient}',
      http: '{method} {host}',
      transform: 'Transformar los datos',
      log: 'Registrar la ejecución',
      stop: 'Terminar la ejecución',
    },
    operators: { contains: 'contiene', exists: 'existe', equals: '=', not_equals: '≠', greater_than: '>', less_than: '<' },
    email: {
      contactSubject: 'Gracias por escribirnos',
      contactBody: 'Hola, {{ body.name }}:\n\nGracias por tu mensaje. Te responderemos en breve.',
      welcomeSubject: 'Te damos la bienvenida',
      welcomeBody: 'Hola, {{ body.name }}:\n\n¡Bienvenido! Nos alegra tenerte aquí. Responde a este correo si tienes alguna pregunta.',
      followUpSubject: 'Seguimiento',
      followUpBody: 'Hola, {{ body.name }}:\n\nQueríamos hacer un seguimiento de tu solicitud. ¿Podemos ayudarte en algo más?',
      teamSubject: 'Nuevo evento de tu flujo',
      teamBody: 'Ha llegado un nuevo evento:\n\n{{ body }}',
      scheduleSubject: 'Tu actualización programada',
      scheduleBody: 'Este es tu mensaje programado de Levqor.',
      responseBody: 'El último resultado:\n\n{{ response.body }}',
    },
    logMessage: 'El flujo se ejecutó',
    assumptions: {
      noTrigger: 'No se describió ningún disparador, así que el flujo empieza cuando se llama a su webhook.',
      webhook: 'Empieza cuando su URL de webhook recibe una solicitud: conecta a ella tu formulario o tu aplicación.',
      defaultTime: 'No se indicó una hora, así que se ejecuta a las {time}.',
      defaultWeekday: 'No se indicó un día, así que se ejecuta los lunes.',
      timezone: 'Las horas están en UTC; cambia la zona horaria antes de activarlo si hace falta.',
      contactRecipient: 'El correo va a {recipient}, la dirección de correo de los datos recibidos.',
      teamRecipient: 'Sustituye {recipient} por la dirección de correo de tu equipo.',
      userRecipient: 'El correo te llega a ti ({recipient}); cambia el destinatario si hace falta.',
      placeholderUrl: 'No se indicó una URL: sustituye {url} por la dirección real antes de activarlo.',
      conditionStops: 'Si la condición no se cumple, la ejecución se detiene.',
      approxOperator: '«{original}» se comprueba como «{checked}»; ajusta el valor si hace falta.',
      delayCapped: 'Las esperas tienen un máximo de 30 días.',
      addedLog: 'No se reconoció ninguna acción, así que el flujo registra cada ejecución.',
      skipped: 'No se entendió y se omitió: «{text}».',
      transformGeneric: 'La transformación pasa los datos recibidos como «{field}»; ajusta la asignación.',
      draft: 'Se guarda como borrador; actívalo cuando estés listo.',
      tooManySteps: 'Solo se conservaron los primeros 50 pasos.',
      invalidFallback: 'Los pasos que construí no pasaron la validación, así que este borrador solo tiene el disparador y un paso de registro: añade el resto en el editor, que explica cada problema.',
      scheduleNoData: 'Una programación no trae datos: la comprobación de {field} no tiene nada que leer salvo que un paso anterior obtenga los datos (añade antes una petición HTTP).',
      relativeTiming: '“{when}” depende de una fecha de tus datos, así que este borrador se ejecuta cada día a las 09:00 (UTC): obtén los próximos elementos con un paso HTTP y añade una condición sobre su fecha.',
      elseBranch: 'Si la condición se cumple, la ejecución hace {then} y termina ahí (paso “{end}”); si no se cumple, salta a “{otherwise}”. Cambia las ramas en el editor si no es lo que quieres.',
    },
  },
  onboarding: {
    items: {
      create_workflow: { title: 'Crea tu primer flujo', action: 'Crea tu primer flujo desde una plantilla o en Flujos de trabajo.' },
      try_builder: { title: 'Prueba el generador de flujos con IA', action: 'Describe una automatización con tus palabras en el generador de flujos con IA.' },
      activate_workflow: { title: 'Activa un flujo', action: 'Activa un flujo para que empiece a ejecutarse.' },
      share_referral: { title: 'Comparte tu enlace de referido', action: 'Comparte tu enlace de referido con alguien a quien le sirva Levqor.' },
      choose_plan: { title: 'Elige un plan', action: 'Elige un plan en la página de precios para que tus flujos sigan funcionando después de la prueba.' },
    },
    progress: 'Has completado {done} de {total} pasos de configuración.',
    allDone: 'Tu espacio de trabajo está completamente configurado. ¡Buen trabajo!',
    trialDaysLeft: { one: 'Tu prueba gratuita termina en # día.', other: 'Tu prueba gratuita termina en # días.' },
    trialEndsToday: 'Tu prueba gratuita termina hoy.',
    trialReminder: 'Recuerda: {trial}.',
  },
};
