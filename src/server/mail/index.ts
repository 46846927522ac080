export {
  createMailTransport,
  getMailTransport,
  NO_TRANSPORT_MESSAGE,
  sendMailVia,
  type MailMessage,
  type MailTransport,
  type MailTransportKind,
  type MailTransportOptions,
} from './transport';
