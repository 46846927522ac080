export {
  createMailTransport,
  getMailTransport,
  NO_TRANSPORT_MESSAGE,
  type MailMessage,
  type MailTransport,
  type MailTransportKind,
  type MailTransportOptions,
} from './transport';
