/**
 * The staff console's strings, registered with `t` on import. Only the console's chunk imports this module, so a
 * citizen's first page load never carries them. Node loads no chunks: test code that reads what a staff page says
 * imports this module beside `t`, which is the same registration, done synchronously.
 */
import { addMessages } from './index';
import { staffEn } from './staff-en';
import { staffZhCN } from './staff-zh-cn';
import { dashboardEn } from './dashboard-en';
import { dashboardZhCN } from './dashboard-zh-cn';
import { campaignEn } from './campaign-en';
import { campaignZhCN } from './campaign-zh-cn';

addMessages({ 'zh-CN': staffZhCN, en: staffEn });
addMessages({ 'zh-CN': dashboardZhCN, en: dashboardEn });
import { campaignMediaEn } from './campaign-media-en';
import { campaignMediaZhCN } from './campaign-media-zh-cn';

addMessages({ 'zh-CN': staffZhCN, en: staffEn });
addMessages({ 'zh-CN': dashboardZhCN, en: dashboardEn });
addMessages({ 'zh-CN': campaignZhCN, en: campaignEn });
// Campaigns (issue 11): media
addMessages({ 'zh-CN': campaignMediaZhCN, en: campaignMediaEn });
