// The few sentences this folder shows readers, by language. English is the fallback for any other language.

export interface FollowMessages {
  lang: string;
  emailSubject: (title: string) => string;
  emailBody: (title: string, url: string) => string;
  mastodonPageTitle: string;
  mastodonIntro: string;
  mastodonLabel: string;
  mastodonHint: string;
  mastodonSubmit: string;
  mastodonInvalid: string;
  mastodonConfirmTitle: string;
  mastodonConfirmIntro: string;
  mastodonContinue: (host: string) => string;
  mastodonOtherServer: string;
  backToArticle: string;
}

const fr: FollowMessages = {
  lang: 'fr',
  emailSubject: (title) => `À lire\u00a0: ${title}`,
  emailBody: (title, url) => `Je pense que cet article peut vous intéresser\u00a0:\r\n\r\n${title}\r\n${url}\r\n`,
  mastodonPageTitle: 'Partager sur Mastodon',
  mastodonIntro: 'Pour partager cet article, indiquez le serveur Mastodon où vous avez votre compte\u00a0:',
  mastodonLabel: 'Votre serveur Mastodon',
  mastodonHint: 'Son nom seulement, par exemple mastodon.social',
  mastodonSubmit: 'Partager',
  mastodonInvalid: 'Ce nom de serveur n’est pas valable. Indiquez son nom seulement, sans https:// ni /, par exemple mastodon.social.',
  mastodonConfirmTitle: 'Partager sur Mastodon : confirmer le serveur',
  mastodonConfirmIntro: 'Vous allez quitter ce site pour partager cet article sur le serveur Mastodon :',
  mastodonContinue: (host) => `Continuer vers ${host}`,
  mastodonOtherServer: 'Choisir un autre serveur',
  backToArticle: 'Retour à l’article',
};

const en: FollowMessages = {
  lang: 'en',
  emailSubject: (title) => `Worth reading: ${title}`,
  emailBody: (title, url) => `I thought you might find this article interesting:\r\n\r\n${title}\r\n${url}\r\n`,
  mastodonPageTitle: 'Share on Mastodon',
  mastodonIntro: 'To share this article, enter the Mastodon server where you have your account:',
  mastodonLabel: 'Your Mastodon server',
  mastodonHint: 'Its name only, for example mastodon.social',
  mastodonSubmit: 'Share',
  mastodonInvalid: 'This server name is not valid. Enter its name only, without https:// or /, for example mastodon.social.',
  mastodonConfirmTitle: 'Share on Mastodon: confirm the server',
  mastodonConfirmIntro: 'You are about to leave this site to share this article on the Mastodon server:',
  mastodonContinue: (host) => `Continue to ${host}`,
  mastodonOtherServer: 'Choose another server',
  backToArticle: 'Back to the article',
};

const BY_LANG: Record<string, FollowMessages> = { fr, en };

export function messagesFor(lang: string): FollowMessages {
  return BY_LANG[lang.toLowerCase().split('-')[0]] ?? en;
}
