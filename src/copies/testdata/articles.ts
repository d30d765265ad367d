// Test articles (written for these tests): two on the same topic, one on another, and a French
// translation of the first one.
export const HARBOUR = {
  title: 'The harbour of Saint-Malo rebuilds its old sea wall',
  paragraphs: [
    'Work began on Monday on the northern sea wall of the harbour of Saint-Malo, which storms damaged twice in the winter of 2023. The town council expects the repairs to last fourteen months and to cost 12.5 million euros, shared between the region of Brittany and the state.',
    'The wall was built in granite between 1840 and 1852. Engineers from the firm Armor Maritime found that the sea had washed out the mortar along 300 metres of its base, leaving gaps large enough for a child to crawl into.',
    'Fishing boats will keep using the inner basin during the works, but the ferry to Jersey will leave from the eastern quay until the spring. Captain Yvonne Le Goff, who leads the local fishing cooperative, said the boats had waited too long for the repairs to begin.',
    'The council has also asked the university of Rennes to place sensors inside the new stones. They will measure how the wall moves under the pressure of the largest tides, which reach thirteen metres in March and September.',
    'Residents can follow the works from a walkway on the ramparts, open every day from nine in the morning. A small exhibition in the castle explains how the first wall was built by hand, stone after stone, by three hundred workers.',
  ],
};

export const HARBOUR_OTHER = {
  title: 'Storms leave Breton harbours counting the cost',
  paragraphs: [
    'The winter storms of 2023 damaged harbours all along the coast of Brittany, from Brest to Saint-Malo. Insurers estimate the repairs at more than 40 million euros, and several small ports still cannot take boats at low tide.',
    'In Roscoff, the lifeboat station lost its slipway. Volunteers now launch the boat with a tractor from the beach, which adds twenty minutes to every rescue. The region of Brittany has promised money for a new slipway by the end of the year.',
    'Fishermen say the damage shows that the old walls were never made for storms this strong. Many of them were built in the nineteenth century, and their granite has held, but the mortar between the stones is wearing away faster than expected.',
    'The state has asked engineers to survey every harbour wall on the coast before the autumn, so that the worst ones can be repaired first. Their report is expected in October.',
  ],
};

export const ORCHARD = {
  title: 'A village orchard keeps forty old apple varieties alive',
  paragraphs: [
    'In the hills above the village of Lautrec, a group of retired teachers has spent eleven years collecting apple trees that nobody grows any more. Their orchard now holds forty varieties, some known only from a single old tree in a farmyard.',
    'Each winter they take cuttings from the trees and graft them onto young rootstock in the school garden. Pupils help with the grafting and give the new trees names, which the teachers write on small wooden labels.',
    'The apples are not sold. In October the group presses them into juice and cider for the village festival, and keeps a few boxes of each variety in a cool cellar so that visitors can taste the differences through the winter.',
    'A botanist from Toulouse has begun to compare the trees with the descriptions in a catalogue printed in 1898. She has already found three varieties that were thought to be lost.',
  ],
};

/** A human translation of HARBOUR into French. */
export const HARBOUR_FR = [
  'Les travaux ont commencé lundi sur la digue nord du port de Saint-Malo, que les tempêtes ont endommagée à deux reprises pendant l’hiver 2023. Le conseil municipal prévoit quatorze mois de réparations pour un coût de 12,5 millions d’euros, partagé entre la région Bretagne et l’État.',
  'La digue a été construite en granit entre 1840 et 1852. Les ingénieurs de l’entreprise Armor Maritime ont constaté que la mer avait emporté le mortier sur 300 mètres à sa base, laissant des trous assez grands pour qu’un enfant s’y glisse.',
  'Les bateaux de pêche continueront d’utiliser le bassin intérieur pendant les travaux, mais le ferry pour Jersey partira du quai est jusqu’au printemps. La capitaine Yvonne Le Goff, qui dirige la coopérative de pêche locale, a déclaré que les bateaux avaient attendu trop longtemps le début des réparations.',
  'Le conseil a aussi demandé à l’université de Rennes de placer des capteurs dans les nouvelles pierres. Ils mesureront comment la digue bouge sous la pression des plus grandes marées, qui atteignent treize mètres en mars et en septembre.',
  'Les habitants peuvent suivre les travaux depuis une passerelle sur les remparts, ouverte tous les jours à partir de neuf heures. Une petite exposition au château explique comment la première digue a été bâtie à la main, pierre après pierre, par trois cents ouvriers.',
];

export const bodyHtml = (paragraphs: readonly string[]) => paragraphs.map((p) => `<p>${p}</p>`).join('\n');
