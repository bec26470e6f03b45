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
  "template.sheet.instructions": "Инструкция",
  "template.sheet.answers": "Ответы",
  "template.sheet.survey": "Опрос",
  "template.col.indicator": "Показатель",
  "template.col.section": "Раздел",
  "template.col.title": "Название",
  "template.col.question": "Вопрос",
  "template.col.allowed": "Допустимые ответы",
  "template.col.meaning": "Что означает каждый ответ",
  "template.col.last_answer": "Ответ прошлого года",
  "template.col.last_points": "Баллы прошлого года",
  "template.col.value": "Ответ",
  "template.col.source": "Источник",
  "template.col.note": "Примечание",
  "template.col.change": "Изменение",
  "template.col.respondent": "Респондент",
  "template.col.role": "Роль",
  "template.col.rating": "Оценка",
  "template.title": "Индекс запрета пыток {year}: рабочая книга, {country} ({code})",
  "template.answers.title": "{country}, {year}: ответы (методология {version}); заполняются только белые ячейки",
  "template.survey.title": "{country}, {year}: опрос экспертов, одна строка на респондента; оценки — целые числа от 0 (худшее) до 10 (лучшее)",
  "template.instructions.methodology": "Методология {version}: {title}.",
  "template.instructions.what": "На листе «{answers}» дайте ответ этого года по каждому показателю в столбце «{value}» (выберите его из списка), укажите источник в столбце «{source}» и при необходимости примечание в столбце «{note}». Вводить можно только в эти ячейки и в «{change}»; остальное защищено.",
  "template.instructions.allowed": "Допустимые ответы по каждому показателю — в столбце «{allowed}», а что означает каждый из них и сколько баллов он даёт — в столбце «{meaning}». Доля — число от 0 до 1 (0,49) или процент (49%).",
  "template.instructions.last": "Столбцы «{last_answer}» и «{last_points}» показывают лист прошлого года ({previous}) для сравнения; обратно они не читаются.",
  "template.instructions.na": "Пишите «{na}» только там, где показатель это допускает и данных нет, и объясните причину в примечании.",
  "template.instructions.survey_value": "Показатель, который оценивается по опросу экспертов, уже содержит «{survey}»; его оценки вносятся на лист «{survey_sheet}».",
  "template.instructions.change": "Если ответ этого года отличается от прошлогоднего, укажите причину в столбце «{change}» (список): {kinds}. Если ответ не изменился, оставьте «{change}» пустым, а примечание пишите за этот год: прошлогоднее примечание — не причина изменения этого года.",
  "template.instructions.source": "Укажите источник каждого ответа: закон и статью, доклад и пункт (например, CAT/C/KAZ/CO/4, п. 10) или адрес публикации.",
  "template.instructions.survey": "На листе «{survey_sheet}» — одна строка на респондента: выберите роль респондента ({roles}) и оцените каждый вопрос целым числом от 0 до 10; оставьте ячейку пустой, если респондент не ответил.",
  "template.instructions.return": "Сохраните книгу в формате .xlsx как есть (листы можно переименовать, но не удалять) и положите её в data/sheets/{year}/{code}.xlsx; затем выполните: npm run index -- check",
  "template.instructions.translation": "Русские тексты этой кодовой книги — восстановленный перевод: {note}",
  "template.change.law": "{word}: изменились закон или нормативный акт",
  "template.change.practice": "{word}: изменилась практика",
  "template.change.reassessment": "{word}: те же факты оценены заново",
  "template.change.data": "{word}: новые или исправленные данные",
  "template.meaning.level": "{answer}: {label} (баллов: {points})",
  "template.meaning.points": "{answer}: баллов: {points}",
  "template.meaning.ratio": "число от {min} до {max}: {at_min} баллов при {min}, {at_max} при {max}, пропорционально между ними",
  "template.meaning.survey": "по опросу экспертов: {multiplier} × оценка опроса (от 0 до 10)",
  "template.meaning.na": "{answer}: исключается из-за отсутствия данных (объясните причину в примечании)",
  "template.validation.title": "Недопустимый ответ",
  "template.validation.list": "Выберите один из ответов: {answers}",
  "template.validation.ratio": "Число от {min} до {max}",
  "template.validation.rating": "Целое число от 0 до 10",
  "template.validation.role": "Выберите одну из ролей: {roles}",
  "template.survey_source": "опрос экспертов (лист «{survey_sheet}»)",
  "template.last.none": "листа нет",
  "template.written": "записано рабочих книг за {year}: {count}, в {dir}",
};
