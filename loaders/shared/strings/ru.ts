// The Russian table of interface strings (keys as in ./en.ts). The Index's own Russian words
// (its name, the group, the sections, the survey block) are the Working Group's, from its Russian
// releases; everything else is our translation.
import type { StringKey } from "./en.ts";

export const ru: Record<StringKey, string> = {
  "site.title": "Индекс запрета пыток",
  "site.language_name": "Русский",
  "site.switch_language": "English version",
  // ---- site chrome: header, navigation, language switch, footer --------------------------------
  // ---- pages (page.<page>.*) --------------------------------------------------------------------
  "page.reconstruction.title": "Как восстановлены данные",
  "page.reconstruction.heading": "Как восстановлены данные примера",
  "page.reconstruction.intro":
    "Рабочая группа публикует итоговые значения Индекса и описание того, что определило изменения каждого года; её кодовая книга и листы показателей не публикуются. Чтобы построить и проверить программу, которая вычисляет Индекс по листам, в репозитории есть **восстановленная** кодовая книга и восстановленные листы и опросы: они точно воспроизводят каждый опубликованный итог и относят изменение каждого года туда, куда его относят релизы. Реальные публичные факты (ратификация, закон) даны со ссылкой на источник; в каждой другой ячейке указано `reconstructed`. Генератор хранится рядом со своими целевыми значениями и никогда не входит в расчёт, который читает только листы. Ниже приводится его собственное описание (на английском) из `{file}`.",
  // ---- charts and tables (chart.*, table.*) ------------------------------------------------------

  // ---- input problems and the check/review commands (problem.*, check.*, review.*) ---------------

  // ---- workbook template (template.*) -----------------------------------------------------------
};
