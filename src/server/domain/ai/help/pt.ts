import type { AiTexts } from './types';

export const pt: AiTexts = {
  debugFacts: { lead: 'Neste erro: {facts}.', host: 'host', port: 'porta', path: 'caminho', status: 'status' },
  help: {
    'getting-started': {
      title: 'Primeiros passos com o Levqor',
      summary:
        'O Levqor executa fluxos de trabalho para sua equipe: um gatilho (uma chamada de webhook ou um agendamento) seguido de etapas como e-mails, chamadas HTTP, esperas e condições. Comece por um modelo ou descreva a automação com suas palavras, revise as etapas, salve como rascunho e ative quando estiver tudo certo.',
      steps: [
        'Abra Fluxos de trabalho e escolha Novo fluxo de trabalho, ou descreva-o no criador de fluxos com IA do painel.',
        'Revise as etapas e salve o fluxo; ele começa como rascunho.',
        'Ative-o na lista de fluxos quando estiver pronto.',
      ],
      keywords: 'começar início primeiros passos configurar conta nova básico introdução visão geral como funciona',
    },
    workflows: {
      title: 'Fluxos de trabalho e os nove tipos de etapa',
      summary:
        'Um fluxo começa com um gatilho e é seguido por até 50 etapas. Há nove tipos de etapa: gatilho de webhook, gatilho agendado (cron), requisição HTTP, espera (até 30 dias), condição, transformação, e-mail, registro e encerrar a execução (termina-a mais cedo, por exemplo após o lado «verdadeiro» de uma condição). As etapas podem usar dados de etapas anteriores com {{ marcadores }}, e uma condição só pode pular para a frente.',
      steps: [
        'Abra Fluxos de trabalho e escolha Novo fluxo de trabalho, ou use o criador de fluxos com IA.',
        'Comece com um gatilho de webhook ou agendado e adicione as etapas de que precisa.',
        'Salve, confira as etapas na página do fluxo e ative-o.',
      ],
      keywords: 'fluxo fluxos automação automatizar etapa etapas gatilho webhook agendamento cron http espera condição transformar email registro criar editar ativar pausar',
    },
    templates: {
      title: 'Começar por um modelo',
      summary:
        'Modelos são fluxos prontos para tarefas comuns, como captar leads de um formulário ou enviar um resumo semanal. Ao escolher um, uma cópia é criada no seu espaço de trabalho, que você pode renomear e ajustar antes de ativar.',
      steps: [
        'Abra a lista de modelos no seu painel.',
        'Escolha o modelo que combina com sua tarefa e crie sua cópia.',
        'Ajuste os textos de e-mail, as URLs e o agendamento e ative-o.',
      ],
      keywords: 'modelo modelos exemplo exemplos galeria receita biblioteca copiar usar',
    },
    referrals: {
      title: 'Compartilhar seu link de indicação',
      summary:
        'Cada usuário tem um link de indicação pessoal. Quando alguém se cadastra por ele, aparece nos seus resultados de indicação, e quando vira cliente pagante a indicação é marcada como convertida.',
      steps: [
        'Encontre seu link de indicação no painel de crescimento do seu painel.',
        'Copie o link e compartilhe com quem possa usar o Levqor.',
        'Acompanhe cadastros e conversões nos seus resultados de indicação.',
      ],
      keywords: 'indicação indicações indicar amigo link compartilhar convidar código recompensa afiliado conversões cadastros',
    },
    'invite-teammate': {
      title: 'Convidar um colega',
      summary:
        'Os proprietários convidam colegas na página Equipe: informe o e-mail e uma função, membro ou proprietário. O link do convite funciona uma vez e expira em 7 dias; se este servidor não tiver e-mail configurado, o proprietário copia o link e o envia. A pessoa convidada escolhe nome e senha e entra no seu espaço de trabalho.',
      steps: [
        'Abra Equipe no painel (somente proprietários).',
        'Informe o e-mail, escolha membro ou proprietário e envie o convite.',
        'Mude funções ou remova membros na mesma página; o último proprietário não pode sair nem ser rebaixado.',
      ],
      keywords: 'convidar convite colega equipe time membro membros adicionar usuário usuários acesso entrar colaborar',
    },
    'billing-trial': {
      title: 'Planos, preços e seu teste grátis',
      summary:
        'Todo espaço de trabalho começa com: {trial}. Planos mensais: {monthly}. Planos anuais: {yearly}. Configuração Done-For-You: {dfy}. O suporte responde em até {sla}.',
      steps: [
        'Abra a página de preços e compare os planos, mensais ou anuais.',
        'Escolha um plano e conclua o pagamento com seu cartão.',
        'Para evitar cobranças, cancele antes do dia 7 do seu teste.',
      ],
      keywords: 'preço preços plano planos custo custa quanto cobrança pagamento assinatura teste grátis gratuito cartão cancelar mensal anual',
    },
    'health-tiles': {
      title: 'Ler o status do serviço',
      summary:
        'O painel Status do serviço mostra se o Levqor está no ar e se as execuções dos seus fluxos saem no horário. Verde é OK, âmbar um aviso ou atraso, vermelho que algo caiu. Ele atualiza a cada 30 segundos; os administradores do Levqor também veem um bloco por verificação de infraestrutura.',
      steps: [
        'Veja o selo de status no topo do painel.',
        'Se suas execuções aparecerem Atrasadas, elas começam mais tarde mas não se perdem.',
        'Se continuar vermelho, avise o administrador do Levqor; os incidentes são registrados automaticamente.',
      ],
      keywords: 'status saúde bloco blocos sistema fora do ar degradado vermelho âmbar verde banco de dados erros monitoramento incidente',
    },
    reports: {
      title: 'Relatórios semanais',
      summary:
        'Toda segunda-feira às 08:00 (horário de Londres) seu espaço de trabalho recebe o relatório semanal: fluxos, execuções e taxa de sucesso, chamadas de API, créditos de IA e indicações, cada um ao lado da semana anterior. Abra Relatórios no painel; os proprietários também o recebem por e-mail quando o e-mail está configurado. Os administradores do Levqor também leem um relatório da plataforma na página de relatórios da administração.',
      steps: [
        'Abra Relatórios no painel.',
        'Compare a semana com a anterior: execuções, taxa de sucesso e uso.',
        'Abra Execuções para ver por que uma execução falhou.',
      ],
      keywords: 'relatório relatórios semanal semana resumo métricas números receita mrr estatísticas',
    },
    security: {
      title: 'Segurança e privacidade',
      summary:
        'As senhas são protegidas com Argon2id, tentativas de login com falha repetidas são limitadas e os dados de cada espaço ficam separados: outro espaço nunca vê seus fluxos. Endereços IP só são guardados como hashes com sal, os logs nunca contêm dados pessoais e serviços externos (pagamentos, IA, e-mail) só são acionados quando configurados.',
      steps: [
        'Use uma senha longa e única, ou entre com Google, GitHub ou Microsoft quando disponível.',
        'Saia da conta em computadores compartilhados.',
        'Dê às chaves de API das etapas HTTP apenas o acesso que o fluxo precisa.',
      ],
      keywords: 'segurança seguro privacidade dados senha criptografia lgpd proteger pessoal',
    },
    support: {
      title: 'Obter ajuda do suporte',
      summary:
        'Abra um pedido em Suporte, no menu do painel: todo o seu espaço de trabalho vê os pedidos. Respondemos no prazo do seu plano ({sla}) e de novo nesse prazo sempre que responder; se este servidor enviar e-mail, a nossa resposta também chega por e-mail. Feche o pedido quando estiver resolvido e avalie a resposta de 1 a 5. Sem conta, ou se não conseguir iniciar sessão, use a página Contacto no fundo de cada página.',
      steps: [
        'Abra Suporte no menu do painel.',
        'Dê um assunto ao pedido e descreva o que tentou, o que aconteceu e, se for uma execução, a sua ligação.',
        'Acompanhe a resposta na página do pedido: responda, ou feche-o e avalie-o.',
      ],
      keywords: 'suporte ajuda contacto pedido pedidos pergunta problema erro resposta prazo pessoa email mensagem reclamação bloqueado',
    },
    password: {
      title: 'Alterar ou redefinir a palavra-passe',
      summary:
        'Para alterar a sua palavra-passe, abra Definições e indique a atual e a nova duas vezes: qualquer outro navegador com sessão iniciada na sua conta é desligado. Se se esqueceu dela, escolha «Esqueceu-se da palavra-passe?» na página de início de sessão: o Levqor envia por e-mail um link que funciona uma vez, durante uma hora. Num servidor que não envia e-mails, peça um link ao seu administrador.',
      steps: [
        'Abra Definições no menu do painel.',
        'Em Palavra-passe, indique a atual e a nova duas vezes e escolha Alterar palavra-passe.',
        'Esqueceu-se? Na página de início de sessão escolha «Esqueceu-se da palavra-passe?» e siga o link do e-mail.',
      ],
      keywords: 'palavra-passe senha alterar redefinir esqueci esquecida perdida nova iniciar sessão login bloqueado link email recuperar',
    },
    'ai-credits': {
      title: 'Assistentes de IA e créditos de IA',
      summary:
        'Os assistentes de IA respondem perguntas, criam fluxos a partir de uma descrição, explicam erros e sugerem seus próximos passos. Cada pedido usa créditos de IA da franquia mensal do seu espaço ({credits}); testes recebem a franquia Starter. As franquias renovam no primeiro dia de cada mês.',
      steps: [
        'Veja quantos créditos restam no topo dos assistentes de IA.',
        'Respostas do mecanismo integrado usam 1 crédito e respostas da OpenAI usam 2; a lista de primeiros passos é grátis.',
        'Precisa de mais? Mude para um plano maior na página de preços.',
      ],
      keywords: 'ia crédito créditos assistente chat criador depurador limite franquia cota uso openai gpt',
    },
    language: {
      title: 'Mudar o idioma',
      summary:
        'O Levqor está disponível em inglês, espanhol, francês, alemão, português, italiano, holandês, hindi e japonês. Escolha o seu no menu de idiomas do cabeçalho; a escolha fica salva na sua conta.',
      steps: ['Abra o menu de idiomas no cabeçalho.', 'Escolha seu idioma; a página recarrega nele.', 'Os assistentes de IA respondem no mesmo idioma.'],
      keywords: 'idioma idiomas língua traduzir tradução inglês espanhol francês alemão português italiano holandês hindi japonês',
    },
  },
  chat: {
    noMatch: 'Não encontrei um artigo de ajuda que responda a isso. Estes temas podem ajudar:',
  },
  debug: {
    connection_refused: {
      title: 'Conexão recusada',
      explanation:
        'O servidor foi alcançado, mas nada aceitou a conexão nessa porta: o serviço está fora do ar, escuta em outra porta ou um firewall a rejeita.',
      steps: [
        'Verifique se o serviço está rodando e escutando no host e na porta da URL.',
        'Abra a URL em outra ferramenta (curl, um navegador) para confirmar que ela responde.',
        'Se estiver atrás de um firewall, libere as conexões vindas do Levqor.',
      ],
      prevention: ['Monitore a disponibilidade do endpoint e receba um alerta quando ele parar de responder.', 'Mantenha a URL do fluxo atualizada quando o serviço mudar de lugar.'],
    },
    connection_reset: {
      title: 'Conexão redefinida',
      explanation: 'A conexão foi aberta e depois fechada de repente pelo outro lado ou por um proxy antes de chegar uma resposta completa.',
      steps: [
        'Repita a requisição: uma redefinição costuma vir de um reinício ou de uma falha breve de rede.',
        'Verifique os logs do serviço de destino em busca de quedas ou conexões fechadas.',
        'Confirme que nenhum proxy ou balanceador corta requisições longas.',
      ],
      prevention: ['Ative novas tentativas com espera progressiva para este serviço.', 'Mantenha pequenos os corpos das requisições e os tempos de resposta.'],
    },
    dns: {
      title: 'Nome de host não encontrado (DNS)',
      explanation: 'O nome de host da URL não pôde ser resolvido para um endereço: está digitado errado, não existe ou o DNS não responde.',
      steps: [
        'Procure erros de digitação no nome de host da URL.',
        'Confirme que o domínio existe e tem registros DNS (por exemplo com dig ou nslookup).',
        'Se o domínio acabou de ser criado ou mudou, espere a propagação do DNS e tente de novo.',
      ],
      prevention: ['Copie as URLs da documentação do fornecedor em vez de digitá-las.', 'Acompanhe a renovação do domínio para que ele nunca expire.'],
    },
    timeout: {
      title: 'Tempo esgotado',
      explanation: 'O outro lado não respondeu dentro do limite de tempo porque está lento, sobrecarregado ou inacessível.',
      steps: [
        'Verifique se o serviço está lento ou fora do ar agora.',
        'Aumente o tempo limite da etapa (até 30 segundos) se a operação for realmente lenta.',
        'Envie menos dados por requisição ou peça ao serviço um endpoint mais rápido.',
      ],
      prevention: ['Adicione novas tentativas com espera progressiva para dependências lentas.', 'Crie alertas para tempos de resposta em alta antes de chegarem ao limite.'],
    },
    tls: {
      title: 'Problema de TLS / certificado',
      explanation:
        'A conexão segura não pôde ser estabelecida: o certificado expirou, é autoassinado, foi emitido para outro nome de host ou a cadeia está incompleta.',
      steps: [
        'Abra a URL em um navegador e inspecione o certificado (data de validade e nome de host).',
        'Confirme que o servidor envia a cadeia de certificados completa.',
        'Use exatamente o nome de host para o qual o certificado foi emitido.',
      ],
      prevention: ['Automatize a renovação dos certificados (por exemplo com Let’s Encrypt).', 'Monitore as datas de validade dos certificados.'],
    },
    unauthorized: {
      title: 'Não autenticado (401)',
      explanation: 'O serviço não aceitou as credenciais: a chave de API ou o token está ausente, errado, expirado ou revogado.',
      steps: [
        'Verifique se o cabeçalho Authorization ou a chave de API está na etapa.',
        'Crie uma nova chave ou token no painel do fornecedor e substitua a antiga.',
        'Confirme que a chave é do ambiente certo (produção ou teste).',
      ],
      prevention: ['Troque as chaves periodicamente e atualize os fluxos na mesma mudança.', 'Prefira chaves de serviço duradouras a tokens pessoais.'],
    },
    forbidden: {
      title: 'Não permitido (403)',
      explanation: 'As credenciais foram reconhecidas, mas não dão acesso a este recurso ou ação.',
      steps: [
        'Verifique as permissões ou escopos da chave no painel do fornecedor.',
        'Confirme que a conta pode acessar este recurso específico.',
        'Procure listas de IPs permitidos que possam bloquear a requisição.',
      ],
      prevention: ['Dê a cada integração uma chave com exatamente os escopos necessários.', 'Documente qual conta é dona de cada integração.'],
    },
    not_found: {
      title: 'Não encontrado (404)',
      explanation: 'O servidor respondeu, mas o caminho ou recurso da requisição não existe (ou não existe mais).',
      steps: [
        'Confira o caminho da URL, incluindo prefixos de versão como /v1.',
        'Confirme que cada id da URL ainda existe.',
        'Compare com a documentação atual da API do fornecedor.',
      ],
      prevention: ['Use ids de etapas anteriores em vez de fixá-los à mão.', 'Acompanhe os avisos de descontinuação do fornecedor.'],
    },
    rate_limited: {
      title: 'Limite de requisições (429)',
      explanation: 'Foram enviadas requisições demais em pouco tempo; o serviço recusa novas até sua janela reiniciar.',
      steps: [
        'Espere o tempo indicado no cabeçalho Retry-After e tente de novo.',
        'Adicione uma etapa de espera entre rajadas de chamadas.',
        'Consulte os limites do fornecedor para o seu plano.',
      ],
      prevention: ['Distribua os fluxos agendados ao longo do tempo em vez de rodá-los juntos.', 'Agrupe vários itens em uma requisição quando a API permitir.'],
    },
    server_error: {
      title: 'Erro do servidor (5xx)',
      explanation: 'O outro serviço falhou ao tratar a requisição (500, 502, 503 ou 504); normalmente o problema é do lado dele.',
      steps: [
        'Tente de novo em alguns minutos: muitos erros 5xx são temporários.',
        'Veja a página de status do fornecedor para saber se há um incidente.',
        'Se continuar, envie ao fornecedor o id da requisição e o horário.',
      ],
      prevention: ['Ative novas tentativas com espera progressiva para esta etapa.', 'Faça o fluxo poder ser repetido sem efeitos duplicados (requisições idempotentes).'],
    },
    invalid_json: {
      title: 'JSON inválido',
      explanation: 'Um texto que deveria ser JSON não pôde ser lido: uma aspa, vírgula ou colchete está errado, ou a resposta era HTML ou vazia.',
      steps: [
        'Olhe o texto bruto na posição indicada no erro.',
        'Confirme que a requisição envia o cabeçalho Content-Type: application/json.',
        'Se a resposta era HTML, a URL provavelmente aponta para uma página web ou de erro.',
      ],
      prevention: ['Monte o JSON com uma etapa de transformação em vez de à mão.', 'Valide os exemplos com um validador de JSON antes de usá-los.'],
    },
    schema_validation: {
      title: 'Falha na validação',
      explanation: 'Os dados são JSON válido, mas não têm o formato esperado: falta um campo obrigatório ou um valor tem tipo ou formato errado.',
      steps: [
        'Leia o nome do campo e a mensagem do erro.',
        'Compare os dados com o formato esperado na documentação.',
        'Mapeie ou converta o campo em uma etapa de transformação anterior.',
      ],
      prevention: ['Teste o fluxo com uma amostra realista antes de ativá-lo.', 'Adicione antes uma etapa de condição que verifique os campos obrigatórios.'],
    },
    card_declined: {
      title: 'Cartão recusado',
      explanation: 'O emissor do cartão recusou o pagamento (por exemplo saldo insuficiente, cartão vencido ou código de segurança errado).',
      steps: [
        'Confira o número do cartão, a validade e o código de segurança.',
        'Tente outro cartão ou peça ao banco para autorizar o pagamento.',
        'Refaça o pagamento quando o cartão estiver resolvido.',
      ],
      prevention: ['Atualize o cartão salvo antes que ele vença.', 'Fique atento aos e-mails de pagamento com falha.'],
    },
    webhook_signature: {
      title: 'Assinatura do webhook inválida',
      explanation:
        'A assinatura do webhook não bateu: o segredo de assinatura está errado, o corpo foi alterado (lido e serializado de novo) antes da verificação ou o carimbo de tempo é antigo demais.',
      steps: [
        'Copie de novo o segredo de assinatura deste endpoint exato (os segredos de teste e de produção são diferentes).',
        'Verifique a assinatura sobre o corpo bruto da requisição, byte a byte.',
        'Confira o relógio do servidor: assinaturas mais antigas que a tolerância são recusadas.',
      ],
      prevention: ['Use um segredo por endpoint e por ambiente.', 'Nunca leia o corpo antes de verificar a assinatura.'],
    },
    unknown: {
      title: 'Erro não reconhecido',
      explanation: 'Este erro não corresponde a um padrão conhecido. A lista geral abaixo encontra a maioria das causas.',
      steps: [
        'Encontre o primeiro erro no log: os seguintes costumam ser consequências.',
        'Confira a URL, as credenciais e os dados de entrada da etapa que falhou.',
        'Execute a etapa de novo com uma entrada de teste pequena.',
      ],
      prevention: ['Registre contexto suficiente (etapa, código de status) para diagnosticar falhas.', 'Teste os fluxos com dados de exemplo antes de ativá-los.'],
    },
  },
  builder: {
    answer: 'Aqui está um rascunho de fluxo com {count} etapas. Confira as suposições e salve.',
    defaultName: 'Nova automação',
    stepNames: {
      webhook: 'Quando o webhook é chamado',
      schedule: 'Conforme o agendamento ({schedule})',
      delay: 'Esperar {duration}',
      condition: 'Somente se {field} {operator} {value}',
      emailContact: 'Enviar e-mail ao contato',
      emailTeam: 'Enviar e-mail à equipe',
      emailYou: 'Enviar e-mail para você',
      emailTo: 'Enviar e-mail para {recipient}',
      http: '{method} {host}',
      transform: 'Transformar os dados',
      log: 'Registrar a execução',
      stop: 'Encerrar a execução',
    },
    operators: { contains: 'contém', exists: 'existe', equals: '=', not_equals: '≠', greater_than: '>', less_than: '<' },
    email: {
      contactSubject: 'Obrigado pelo contato',
      contactBody: 'Olá, {{ body.name }},\n\nObrigado pela sua mensagem. Responderemos em breve.',
      welcomeSubject: 'Boas-vindas',
      welcomeBody: 'Olá, {{ body.name }},\n\nBoas-vindas! Ficamos felizes em ter você aqui. Responda a este e-mail se tiver alguma dúvida.',
      followUpSubject: 'Acompanhamento',
      followUpBody: 'Olá, {{ body.name }},\n\nEstamos retomando o contato sobre a sua solicitação. Podemos ajudar em mais alguma coisa?',
      teamSubject: 'Novo evento do seu fluxo',
      teamBody: 'Chegou um novo evento:\n\n{{ body }}',
      scheduleSubject: 'Sua atualização agendada',
      scheduleBody: 'Esta é sua mensagem agendada do Levqor.',
      responseBody: 'O resultado mais recente:\n\n{{ response.body }}',
    },
    logMessage: 'O fluxo foi executado',
    assumptions: {
      noTrigger: 'Nenhum gatilho foi descrito, então o fluxo começa quando o webhook dele é chamado.',
      webhook: 'Ele começa quando a URL do webhook recebe uma requisição: conecte a ela seu formulário ou app.',
      defaultTime: 'Nenhum horário foi informado, então ele roda às {time}.',
      defaultWeekday: 'Nenhum dia foi informado, então ele roda às segundas-feiras.',
      timezone: 'Os horários estão em UTC; mude o fuso horário antes de ativar, se precisar.',
      contactRecipient: 'O e-mail vai para {recipient}, o endereço de e-mail dos dados recebidos.',
      teamRecipient: 'Substitua {recipient} pelo endereço de e-mail da sua equipe.',
      userRecipient: 'O e-mail vai para você ({recipient}); mude o destinatário se precisar.',
      placeholderUrl: 'Nenhuma URL foi informada: substitua {url} pelo endereço real antes de ativar.',
      conditionStops: 'Quando a condição é falsa, a execução para.',
      approxOperator: '“{original}” é verificado como “{checked}”; ajuste o valor se precisar.',
      delayCapped: 'As esperas são limitadas a 30 dias.',
      addedLog: 'Nenhuma ação foi reconhecida, então o fluxo registra cada execução.',
      skipped: 'Não entendido e deixado de fora: “{text}”.',
      transformGeneric: 'A transformação repassa os dados recebidos como “{field}”; ajuste o mapeamento.',
      draft: 'Ele é salvo como rascunho; ative quando estiver pronto.',
      tooManySteps: 'Só as primeiras 50 etapas foram mantidas.',
      invalidFallback: 'Os passos que montei não passaram na validação, então este rascunho tem só o gatilho e um passo de registro: adicione o resto no editor, que explica cada problema.',
      scheduleNoData: 'Um agendamento não traz dados: a verificação de {field} não tem o que ler a menos que um passo anterior busque os dados (adicione antes uma requisição HTTP).',
      relativeTiming: '“{when}” depende de uma data dos seus dados, então este rascunho roda todos os dias às 09:00 (UTC): busque os próximos itens com um passo HTTP e adicione uma condição sobre a data deles.',
      elseBranch: 'Se a condição for verdadeira, a execução faz {then} e termina aí (passo “{end}”); se for falsa, salta para “{otherwise}”. Altere os ramos no editor se não for isso que quer.',
    },
  },
  onboarding: {
    items: {
      create_workflow: { title: 'Crie seu primeiro fluxo', action: 'Crie seu primeiro fluxo a partir de um modelo ou em Fluxos de trabalho.' },
      try_builder: { title: 'Experimente o criador de fluxos com IA', action: 'Descreva uma automação com suas palavras no criador de fluxos com IA.' },
      activate_workflow: { title: 'Ative um fluxo', action: 'Ative um fluxo para que ele comece a rodar.' },
      share_referral: { title: 'Compartilhe seu link de indicação', action: 'Compartilhe seu link de indicação com alguém que possa usar o Levqor.' },
      choose_plan: { title: 'Escolha um plano', action: 'Escolha um plano na página de preços para manter seus fluxos rodando depois do teste.' },
    },
    progress: 'Você concluiu {done} de {total} etapas de configuração.',
    allDone: 'Seu espaço de trabalho está totalmente configurado. Muito bem!',
    trialDaysLeft: { one: 'Seu teste grátis termina em # dia.', other: 'Seu teste grátis termina em # dias.' },
    trialEndsToday: 'Seu teste grátis termina hoje.',
    trialReminder: 'Lembrete: {trial}.',
  },
};
